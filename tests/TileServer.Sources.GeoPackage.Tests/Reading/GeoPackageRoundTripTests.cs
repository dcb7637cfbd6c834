namespace TileServer.Sources.GeoPackage.Tests.Reading;

using NetTopologySuite.IO;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Tests.Support;

/// <summary>Writer → source: what goes in comes back out, layer by layer.</summary>
public sealed class GeoPackageRoundTripTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly FeatureLayerData parcels = SampleLayers.Parcels(300);
    private readonly FeatureLayerData roads = SampleLayers.Roads(40);
    private readonly FeatureLayerData wells = SampleLayers.Wells(25);
    private readonly GeoPackageFeatureSource source;

    public GeoPackageRoundTripTests()
    {
        var path = directory.File("round-trip.gpkg");
        GeoPackageWriter.Write(path, [parcels, roads, wells]);
        source = new GeoPackageFeatureSource("plan", path);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Layers_are_discovered_with_geometry_type_srid_fields_count_and_extent()
    {
        Assert.Equal("plan", source.Id);
        Assert.Equal(["parcels", "roads", "wells"], source.Layers.Select(l => l.Table));

        var layer = source.Layers[0];
        Assert.Equal("geom", layer.GeometryColumn);
        Assert.Equal(GeometryKind.Polygon, layer.GeometryKind);
        Assert.Equal(4490, layer.Srid);
        Assert.Equal(300, layer.FeatureCount);
        Assert.Equal(SampleLayers.ParcelFields.Select(f => (f.Name, f.Type)), layer.Fields.Select(f => (f.Name, f.Type)));
        Assert.Equal(ExtentOf(parcels), layer.Extent);

        Assert.Equal(GeometryKind.LineString, source.Layers[1].GeometryKind);
        Assert.Equal(GeometryKind.Point, source.Layers[2].GeometryKind);
        Assert.Equal(4326, source.Layers[2].Srid);
        Assert.Equal(25, source.Layers[2].FeatureCount);
    }

    [Theory]
    [InlineData("parcels")]
    [InlineData("roads")]
    [InlineData("wells")]
    public async Task Full_scan_returns_every_feature_in_fid_order_with_equal_geometry_and_values(string table)
    {
        var data = new[] { parcels, roads, wells }.Single(l => l.Schema.Name == table);
        var fields = data.Schema.Fields.Select(f => f.Name).ToArray();

        var records = await source.ToListAsync(new FeatureQuery(table, null, fields));

        Assert.Equal(data.Features.Count, records.Count);
        var reader = new WKBReader();
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(i + 1L, records[i].Fid);
            var geometry = reader.Read(records[i].Wkb.ToArray());
            Assert.True(data.Features[i].Geometry.EqualsExact(geometry), $"{table} feature {i + 1} geometry differs");
            Assert.Equal(data.Features[i].Values.Select(Normalise), records[i].Values);
        }
    }

    [Fact]
    public async Task Requested_fields_come_in_requested_order_and_names_match_case_insensitively()
    {
        var records = await source.ToListAsync(new FeatureQuery("PARCELS", null, ["MJ", "dlbm"], Limit: 3));

        Assert.Equal(3, records.Count);
        Assert.Equal(new object?[] { parcels.Features[1].Values[2], parcels.Features[1].Values[0] }, records[1].Values);
    }

    [Fact]
    public async Task Limit_caps_both_scans_and_bounded_queries()
    {
        var everything = ExtentOf(parcels);

        Assert.Equal(7, (await source.ToListAsync(new FeatureQuery("parcels", null, [], 7))).Count);
        Assert.Equal(11, (await source.ToListAsync(new FeatureQuery("parcels", everything, [], 11))).Count);
        Assert.Empty(await source.ToListAsync(new FeatureQuery("parcels", everything, [], 0)));
    }

    [Fact]
    public async Task Unknown_tables_and_fields_are_argument_errors()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => source.ToListAsync(new FeatureQuery("nope", null, [])));
        await Assert.ThrowsAsync<ArgumentException>(() => source.ToListAsync(new FeatureQuery("parcels", null, ["dlbm", "missing"])));
        // Identifiers never reach SQL unless they are in the catalogue.
        await Assert.ThrowsAsync<ArgumentException>(() => source.ToListAsync(new FeatureQuery("parcels", null, ["fid\" FROM parcels --"])));
    }

    [Fact]
    public async Task Empty_and_null_geometries_are_skipped()
    {
        var withEmpty = new FeatureLayerData(
            roads.Schema,
            [roads.Features[0], new WritableFeature(SampleLayers.Factory.CreateLineString(), ["empty"]), roads.Features[1], roads.Features[2]]);
        var path = directory.File("empty.gpkg");
        GeoPackageWriter.Write(path, [withEmpty]);
        using (var connection = Sql.Open(path, writable: true))
        {
            GeoPackageSqlFunctions.Register(connection);
            Sql.Execute(connection, "UPDATE roads SET geom = NULL WHERE fid = 4");
        }

        var emptySource = new GeoPackageFeatureSource("e", path);
        var records = await emptySource.ToListAsync(new FeatureQuery("roads", null, ["name"]));
        var bounded = await emptySource.ToListAsync(new FeatureQuery("roads", new BoundingBox(-180, -90, 180, 90), ["name"]));

        Assert.Equal([1L, 3L], records.Select(r => r.Fid));
        // The limit counts returned features, not rows read: fid 2 (empty) does not use up a slot.
        Assert.Equal([1L, 3L], (await emptySource.ToListAsync(new FeatureQuery("roads", null, [], 2))).Select(r => r.Fid));
        Assert.Equal([1L, 3L], bounded.Select(r => r.Fid).Order());
        Assert.Equal(4, emptySource.Layers[0].FeatureCount);
    }

    [Fact]
    public void Extent_is_computed_from_the_geometries_when_gpkg_contents_has_none()
    {
        var path = directory.File("no-extent.gpkg");
        GeoPackageWriter.Write(path, [roads]);
        using (var connection = Sql.Open(path, writable: true))
            Sql.Execute(connection, "UPDATE gpkg_contents SET min_x = NULL, min_y = NULL, max_x = NULL, max_y = NULL");

        Assert.Equal(ExtentOf(roads), new GeoPackageFeatureSource("r", path).Layers[0].Extent);
    }

    private static BoundingBox ExtentOf(FeatureLayerData layer) => layer.Features
        .Select(f => f.Geometry.EnvelopeInternal)
        .Aggregate(BoundingBox.Empty, (box, e) => box.ExpandToInclude(new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY)));

    private static object? Normalise(object? value) => value switch
    {
        int i => (long)i,
        float f => (double)f,
        _ => value,
    };
}

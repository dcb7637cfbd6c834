namespace TileServer.Sources.GeoPackage.Tests.Reading;

using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Tests.Support;

/// <summary><see cref="IFeatureRowScan.Scan"/> hands a visitor exactly the rows, in the order, with the WKB and
/// values that <see cref="IFeatureSource.QueryAsync"/> streams for the same query.</summary>
public sealed class FeatureRowScanTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly string path;

    public FeatureRowScanTests()
    {
        path = directory.File("scan.gpkg");
        GeoPackageWriter.Write(path, [SampleLayers.Parcels(120)]);
        using var connection = Sql.Open(path, writable: true);
        GeoPackageSqlFunctions.Register(connection);
        Sql.Execute(connection, "UPDATE parcels SET geom = NULL WHERE fid = 5");
        Sql.Execute(connection, "UPDATE parcels SET bsm = 'x', dlbm = 17 WHERE fid = 6");
    }

    [Theory]
    [InlineData(false, 0, 0, 0, 0)]
    [InlineData(true, 100, 20, 110, 30)]
    [InlineData(true, 105.5, 25.5, 106.5, 27)]
    [InlineData(true, 0, 0, 1, 1)]
    public async Task The_visitor_sees_the_rows_of_the_query_in_its_order(bool withBox, double minX, double minY, double maxX, double maxY)
    {
        using var source = new GeoPackageFeatureSource("scan", path);
        BoundingBox? bounds = withBox ? new BoundingBox(minX, minY, maxX, maxY) : null;
        var query = new FeatureQuery("parcels", bounds, ["mj", "dlbm", "bsm"]) { ReusableRecords = true, IndexBoundsSuffice = true };
        var streamed = new List<(long Fid, byte[] Wkb, object?[] Values)>();
        await foreach (var record in source.QueryAsync(query, CancellationToken.None))
            streamed.Add((record.Fid, record.Wkb.ToArray(), [.. record.Values]));

        var visitor = new CollectingVisitor();
        source.Scan(query, visitor, CancellationToken.None);

        Assert.Equal(streamed.Select(r => r.Fid), visitor.Rows.Select(r => r.Fid));
        for (var i = 0; i < streamed.Count; i++)
        {
            Assert.Equal(streamed[i].Wkb, visitor.Rows[i].Wkb);
            Assert.Equal(streamed[i].Values, visitor.Rows[i].Values);
        }

        if (!withBox)
        {
            Assert.Equal(119, visitor.Rows.Count); // all but the NULL geometry
            Assert.Equal(["17", null], visitor.Rows.Single(r => r.Fid == 6).Values[1..]); // converted as the query converts
        }
    }

    [Fact]
    public void A_refined_query_is_refused()
    {
        using var source = new GeoPackageFeatureSource("scan", path);
        var visitor = new CollectingVisitor();

        Assert.Throws<ArgumentException>(() => source.Scan(new FeatureQuery("parcels", null, ["dlbm"], Limit: 3), visitor, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => source.Scan(new FeatureQuery("parcels", null, ["dlbm"]) { Filter = new ComparisonFilter("dlbm", ComparisonOperator.Equal, FilterValue.OfText("x")) }, visitor, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => source.Scan(new FeatureQuery("parcels", null, ["nope"]), visitor, CancellationToken.None));
        Assert.Empty(visitor.Rows);
    }

    [Fact]
    public void A_cancelled_scan_stops_with_a_cancellation()
    {
        using var source = new GeoPackageFeatureSource("scan", path);
        using var cancel = new CancellationTokenSource();
        var visitor = new CollectingVisitor { AfterRow = cancel.Cancel };

        Assert.ThrowsAny<OperationCanceledException>(() => source.Scan(new FeatureQuery("parcels", null, ["dlbm"]), visitor, cancel.Token));
        Assert.Single(visitor.Rows);
    }

    public void Dispose() => directory.Dispose();
}

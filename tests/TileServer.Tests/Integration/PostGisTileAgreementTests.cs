namespace TileServer.Tests.Integration;

using System.Net;
using TileServer.Core.Tiling;
using TileServer.Mvt;
using TileServer.Tests.Support;

/// <summary>Tiles made from PostGIS (ST_AsMVT in the database) carry the same features, ids and
/// attributes as tiles encoded in process from the GeoPackage, for every layer across z6–z16. The two
/// pipelines simplify in different spaces (PostGIS in degrees before projecting, ours in tile units), so
/// a polygon right at the sub-pixel drop threshold (a quarter square pixel = 64 units²) may survive in
/// one and not the other; every feature of at least twice that area must be in both.</summary>
public sealed class PostGisTileAgreementTests(PostGisServerFixture postgis, SampleServerFixture geopackage)
    : IClassFixture<PostGisServerFixture>, IClassFixture<SampleServerFixture>
{
    private static readonly string[] Layers = ["xzq", "ghyd", "yjjbnt", "stbhhx", "czkfbj", "czjsyd2020"];
    private const double SubPixelThreshold = 64;

    /// <summary>Absolute area in tile units of all rings (holes subtract: they wind the other way).</summary>
    private static double Area(MvtFeature feature)
    {
        double twice = 0;
        foreach (var ring in feature.Parts)
        {
            for (int i = 0; i < ring.Count; i++)
            {
                var a = ring[i];
                var b = ring[(i + 1) % ring.Count];
                twice += (double)a.X * b.Y - (double)b.X * a.Y;
            }
        }

        return Math.Abs(twice) / 2;
    }

    public static TheoryData<int, double, double> Tiles()
    {
        var data = new TheoryData<int, double, double>();
        foreach (int zoom in new[] { 6, 8, 10, 12, 14, 16 })
        {
            data.Add(zoom, SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude);
        }

        data.Add(11, 118.55, 40.95); // 七沟镇 area: farmland and towns
        data.Add(13, 111.98, 43.65); // 二连浩特's seat
        data.Add(9, 112.3, 43.3);    // grassland and the red line
        return data;
    }

    [Theory]
    [MemberData(nameof(Tiles))]
    public async Task PostGis_tile_has_the_features_and_attributes_of_the_GeoPackage_tile(int zoom, double lon, double lat)
    {
        var tile = WebMercator.TileAt(lon, lat, zoom);
        string url = $"/tiles/{string.Join(',', Layers)}/{tile.Zoom}/{tile.Column}/{tile.Row}.mvt";
        using var fromDatabase = await postgis.CreateClient().GetAsync(url);
        using var fromFile = await geopackage.CreateClient().GetAsync(url);

        Assert.Equal(fromFile.StatusCode, fromDatabase.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromFile.StatusCode);
        var expected = MvtReader.Read(await fromFile.Content.ReadAsByteArrayAsync()).Layers.ToDictionary(l => l.Name);
        var actual = MvtReader.Read(await fromDatabase.Content.ReadAsByteArrayAsync()).Layers.ToDictionary(l => l.Name);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.NotEmpty(expected);
        foreach (var (name, layer) in expected)
        {
            var expectedFeatures = layer.Features.ToDictionary(f => f.Id!.Value);
            var actualFeatures = actual[name].Features.ToDictionary(f => f.Id!.Value);
            var onlyInFile = expectedFeatures.Values.Where(f => !actualFeatures.ContainsKey(f.Id!.Value)).ToList();
            var onlyInDatabase = actualFeatures.Values.Where(f => !expectedFeatures.ContainsKey(f.Id!.Value)).ToList();
            Assert.True(onlyInFile.Concat(onlyInDatabase).All(f => Area(f) < 2 * SubPixelThreshold),
                $"{name} at {tile}: {onlyInFile.Count} features only in the GeoPackage tile and {onlyInDatabase.Count} only in the PostGIS tile, some larger than the drop threshold");
            Assert.True(onlyInFile.Count + onlyInDatabase.Count <= Math.Max(4, expectedFeatures.Count / 10), $"{name} at {tile}: too many threshold differences");
            foreach (var (id, feature) in expectedFeatures)
            {
                if (actualFeatures.TryGetValue(id, out var other))
                {
                    Assert.Equal(feature.Attributes.OrderBy(a => a.Key), other.Attributes.OrderBy(a => a.Key));
                }
            }
        }
    }
}

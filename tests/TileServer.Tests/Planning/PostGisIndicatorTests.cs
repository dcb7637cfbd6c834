namespace TileServer.Tests.Planning;

using Microsoft.Extensions.DependencyInjection;
using TileServer.Services.Planning;
using TileServer.Tests.Support;

/// <summary>The planning computation reads through the catalog, not a particular source: from PostGIS (the
/// shared sample imported by the real importer) it gives the same areas and conflicts as from the GeoPackage.</summary>
public sealed class PostGisIndicatorTests(PostGisServerFixture postgis, SampleServerFixture geopackage)
    : IClassFixture<PostGisServerFixture>, IClassFixture<SampleServerFixture>
{
    private static async Task<PlanningSnapshot> SnapshotAsync(IServiceProvider services)
    {
        var monitor = services.GetRequiredService<PlanningMonitor>();
        await monitor.Idle;
        Assert.Null(monitor.LastFailure);
        return monitor.Snapshot!;
    }

    [Fact]
    public async Task Postgis_and_geopackage_give_the_same_indicators_and_conflicts()
    {
        using var postgisClient = postgis.CreateClient();
        using var geopackageClient = geopackage.CreateClient();
        var fromPostGis = await SnapshotAsync(postgis.Factory.Services);
        var fromGeoPackage = await SnapshotAsync(geopackage.Factory.Services);

        Assert.Equal(fromGeoPackage.Units.Keys.Order(), fromPostGis.Units.Keys.Order());
        foreach (var (code, expected) in fromGeoPackage.Units)
        {
            var actual = fromPostGis.Units[code];
            Assert.Equal(expected.Crs, actual.Crs);
            foreach (var (e, a) in new[]
            {
                (expected.FarmlandM2, actual.FarmlandM2), (expected.GrasslandM2, actual.GrasslandM2),
                (expected.PermanentBasicFarmlandM2, actual.PermanentBasicFarmlandM2), (expected.RedlineM2, actual.RedlineM2),
                (expected.UrbanBoundaryM2, actual.UrbanBoundaryM2), (expected.UrbanLand2020M2, actual.UrbanLand2020M2),
            })
            {
                Assert.True(Math.Abs(e - a) <= Math.Abs(e) * 1e-6, $"{code}: PostGIS {a} vs GeoPackage {e}");
            }
        }

        Assert.Equal(
            fromGeoPackage.Conflicts.Select(c => (c.Bsm, c.LineA, c.LineB, Math.Round(c.AreaM2))),
            fromPostGis.Conflicts.Select(c => (c.Bsm, c.LineA, c.LineB, Math.Round(c.AreaM2))));
        Assert.Single(fromPostGis.Conflicts);
    }
}

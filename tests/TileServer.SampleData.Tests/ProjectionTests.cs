namespace TileServer.SampleData.Tests;

using System.Text.Json;
using TileServer.SampleData.Geo;

public sealed class ProjectionTests
{
    [Fact]
    public void ZoneRuleMatchesEveryPlaceListedInTileGrids()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(GeometryHelpers.RepoFile("data/reference/tile_grids.json")));
        var places = doc.RootElement.GetProperty("cgcs2000_gk3").GetProperty("places").EnumerateArray().ToList();
        Assert.Equal(5, places.Count);
        foreach (var place in places)
        {
            Assert.Equal(place.GetProperty("central_meridian").GetInt32(), GaussKrugerProjection.CentralMeridianFor(place.GetProperty("lon").GetDouble()));
        }
    }

    [Fact]
    public void ProjectionIsGaussKrugerWithFalseEasting500km()
    {
        var projection = new GaussKrugerProjection(120);
        var onMeridian = projection.ToPlane(120, 41);
        Assert.Equal(500_000, onMeridian.X, 6);
        // Meridian arc length of the CGCS2000 ellipsoid from the equator to 41°N is about 4,540,436 m.
        Assert.InRange(onMeridian.Y, 4_539_000, 4_542_000);
        var back = projection.ToLonLat(projection.ToPlane(118.7, 41.02).X, projection.ToPlane(118.7, 41.02).Y);
        Assert.Equal(118.7, back.X, 9);
        Assert.Equal(41.02, back.Y, 9);
    }
}

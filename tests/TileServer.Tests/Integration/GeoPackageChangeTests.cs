namespace TileServer.Tests.Integration;

using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using TileServer.Core.Tiling;
using TileServer.Mvt;
using TileServer.Tests.Support;

/// <summary>A GeoPackage edited while the server runs (a QGIS save, a new delivery) invalidates the cached
/// tiles of its layers: the next request is produced again and shows the edit.</summary>
public sealed class GeoPackageChangeTests
{
    private static readonly TileCoordinate SeatTile =
        WebMercator.TileAt(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 14);

    private static readonly string Url = $"/tiles/ghyd/{SeatTile.Zoom}/{SeatTile.Column}/{SeatTile.Row}.mvt";

    [Fact]
    public async Task Editing_the_file_invalidates_its_cached_tiles()
    {
        string copy = Path.Combine(TemporaryFolders.Create("tileserver-change-"), "edited.gpkg");
        File.Copy(SharedSample.GeoPackagePath, copy);
        using var server = WatchingServer(copy);
        using var client = server.CreateClient();
        using (var first = await client.GetAsync(Url))
        using (var second = await client.GetAsync(Url))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("HIT", second.Headers.GetValues("X-Cache").Single());
        }

        await RenameLandUseAsync(copy, "已变更");
        SqliteConnection.ClearAllPools();
        var (cache, features) = await ReproducedTileAsync(client);

        Assert.Equal("MISS", cache);
        Assert.NotEmpty(features);
        Assert.All(features, f => Assert.Equal("已变更", f.Attributes["ydyhflmc"]));
    }

    [Fact]
    public async Task A_delivery_moved_over_the_file_is_served_once_the_change_is_seen()
    {
        string folder = TemporaryFolders.Create("tileserver-delivery-");
        string live = Path.Combine(folder, "live.gpkg");
        File.Copy(SharedSample.GeoPackagePath, live);
        using var server = WatchingServer(live);
        using var client = server.CreateClient();
        using (var first = await client.GetAsync(Url))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // The new delivery is written beside the live file and renamed over it, as deliveries should be. The server's
        // pooled connections hold the replaced file open; unless they are released, the new tile is made from it.
        string delivery = Path.Combine(folder, "delivery.gpkg");
        File.Copy(SharedSample.GeoPackagePath, delivery);
        await RenameLandUseAsync(delivery, "新交付");
        File.SetLastWriteTimeUtc(delivery, DateTime.UtcNow.AddMinutes(1)); // A stamp surely unlike the live file's.
        File.Move(delivery, live, overwrite: true);
        var (cache, features) = await ReproducedTileAsync(client);

        Assert.Equal("MISS", cache);
        Assert.NotEmpty(features);
        Assert.All(features, f => Assert.Equal("新交付", f.Attributes["ydyhflmc"]));
    }

    /// <summary>A server on <paramref name="path"/> alone (no PostGIS, no Redis) that checks the file every 0.2 s.</summary>
    private static WebApplicationFactory<Program> WatchingServer(string path) => SampleServerFixture.Create(new Dictionary<string, string?>
    {
        ["TileServer:Sources:sample:Path"] = path,
        ["TileServer:Cache:SourceWatchSeconds"] = "0.2",
        ["TILESERVER_POSTGIS"] = "",
        ["TILESERVER_REDIS"] = "",
    });

    /// <summary>Edits every landuse parcel's class name, as an editor would.</summary>
    private static async Task RenameLandUseAsync(string file, string name)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        // The R-tree triggers call ST_IsEmpty and friends, which editors (GDAL, QGIS) provide themselves.
        TileServer.Sources.GeoPackage.GeoPackageSqlFunctions.Register(connection);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE ghyd SET ydyhflmc = @name";
        update.Parameters.AddWithValue("@name", name);
        Assert.True(await update.ExecuteNonQueryAsync() > 0);
    }

    /// <summary>Requests the seat tile until it is produced again (a MISS), for up to 10 s, and returns the last answer.</summary>
    private static async Task<(string? Cache, IReadOnlyList<MvtFeature> Features)> ReproducedTileAsync(HttpClient client)
    {
        string? cache = null;
        IReadOnlyList<MvtFeature> features = [];
        for (int attempt = 0; attempt < 50 && cache != "MISS"; attempt++)
        {
            await Task.Delay(200);
            using var response = await client.GetAsync(Url);
            cache = response.Headers.GetValues("X-Cache").Single();
            features = MvtReader.Read(await response.Content.ReadAsByteArrayAsync()).Layers.Single().Features;
        }

        return (cache, features);
    }
}

namespace TileServer.Tests.Integration;

using System.Net;
using Microsoft.Data.Sqlite;
using TileServer.Core.Tiling;
using TileServer.Mvt;
using TileServer.Tests.Support;

/// <summary>A GeoPackage edited while the server runs (a QGIS save, a new delivery) invalidates the cached
/// tiles of its layers: the next request is produced again and shows the edit.</summary>
public sealed class GeoPackageChangeTests
{
    [Fact]
    public async Task Editing_the_file_invalidates_its_cached_tiles()
    {
        string copy = Path.Combine(TemporaryFolders.Create("tileserver-change-"), "edited.gpkg");
        File.Copy(SharedSample.GeoPackagePath, copy);
        using var server = SampleServerFixture.Create(new Dictionary<string, string?>
        {
            ["TileServer:Sources:sample:Path"] = copy,
            ["TileServer:Cache:SourceWatchSeconds"] = "0.2",
            ["TILESERVER_POSTGIS"] = "",
            ["TILESERVER_REDIS"] = "",
        });
        using var client = server.CreateClient();
        var tile = WebMercator.TileAt(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 14);
        string url = $"/tiles/ghyd/{tile.Zoom}/{tile.Column}/{tile.Row}.mvt";
        using (var first = await client.GetAsync(url))
        using (var second = await client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("HIT", second.Headers.GetValues("X-Cache").Single());
        }

        await using (var connection = new SqliteConnection($"Data Source={copy}"))
        {
            await connection.OpenAsync();
            // The R-tree triggers call ST_IsEmpty and friends, which editors (GDAL, QGIS) provide themselves.
            TileServer.Sources.GeoPackage.GeoPackageSqlFunctions.Register(connection);
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE ghyd SET ydyhflmc = '已变更'";
            Assert.True(await update.ExecuteNonQueryAsync() > 0);
        }

        SqliteConnection.ClearAllPools();
        string? cache = null;
        IReadOnlyList<MvtFeature> features = [];
        for (int attempt = 0; attempt < 50 && cache != "MISS"; attempt++)
        {
            await Task.Delay(200);
            using var response = await client.GetAsync(url);
            cache = response.Headers.GetValues("X-Cache").Single();
            features = MvtReader.Read(await response.Content.ReadAsByteArrayAsync()).Layers.Single().Features;
        }

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
        using var server = SampleServerFixture.Create(new Dictionary<string, string?>
        {
            ["TileServer:Sources:sample:Path"] = live,
            ["TileServer:Cache:SourceWatchSeconds"] = "0.2",
            ["TILESERVER_POSTGIS"] = "",
            ["TILESERVER_REDIS"] = "",
        });
        using var client = server.CreateClient();
        var tile = WebMercator.TileAt(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 14);
        string url = $"/tiles/ghyd/{tile.Zoom}/{tile.Column}/{tile.Row}.mvt";
        using (var first = await client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // The new delivery is written beside the live file and renamed over it, as deliveries should be. The server's
        // pooled connections hold the replaced file open; unless they are released, the new tile is made from it.
        string delivery = Path.Combine(folder, "delivery.gpkg");
        File.Copy(SharedSample.GeoPackagePath, delivery);
        await using (var connection = new SqliteConnection($"Data Source={delivery};Pooling=False"))
        {
            await connection.OpenAsync();
            TileServer.Sources.GeoPackage.GeoPackageSqlFunctions.Register(connection);
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE ghyd SET ydyhflmc = '新交付'";
            Assert.True(await update.ExecuteNonQueryAsync() > 0);
        }

        File.SetLastWriteTimeUtc(delivery, DateTime.UtcNow.AddMinutes(1)); // A stamp surely unlike the live file's.
        File.Move(delivery, live, overwrite: true);
        string? cache = null;
        IReadOnlyList<MvtFeature> features = [];
        for (int attempt = 0; attempt < 50 && cache != "MISS"; attempt++)
        {
            await Task.Delay(200);
            using var response = await client.GetAsync(url);
            cache = response.Headers.GetValues("X-Cache").Single();
            features = MvtReader.Read(await response.Content.ReadAsByteArrayAsync()).Layers.Single().Features;
        }

        Assert.Equal("MISS", cache);
        Assert.NotEmpty(features);
        Assert.All(features, f => Assert.Equal("新交付", f.Attributes["ydyhflmc"]));
    }
}

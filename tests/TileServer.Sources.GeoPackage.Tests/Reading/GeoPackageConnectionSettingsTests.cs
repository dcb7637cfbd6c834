namespace TileServer.Sources.GeoPackage.Tests.Reading;

using System.Globalization;
using Microsoft.Data.Sqlite;
using TileServer.Core.Features;
using TileServer.Sources.GeoPackage.Tests.Support;

/// <summary>The read settings each pooled connection gets (a 16 MiB page cache, no memory map), and the release of
/// idle connections when the file is replaced.</summary>
/// <remarks>These tests watch what the connection pool hands back, and other test classes clear every SQLite pool when
/// they delete their folders (TemporaryDirectory), so they run in a collection that runs alone.</remarks>
[Collection(ConnectionPoolCollection.Name)]
public sealed class GeoPackageConnectionSettingsTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly string path;

    public GeoPackageConnectionSettingsTests()
    {
        path = directory.File("settings.gpkg");
        GeoPackageWriter.Write(path, [SampleLayers.Parcels(10)]);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Connections_have_a_16_MiB_page_cache_and_no_memory_map()
    {
        using var source = new GeoPackageFeatureSource("p", path);
        using var connection = source.OpenConnection();
        Assert.Equal(-16384L, Pragma(connection, "cache_size"));

        // A mapped file truncated by a delivery copied over it would kill the process with SIGBUS.
        Assert.Equal(0L, Pragma(connection, "mmap_size"));
    }

    [Fact]
    public void A_connection_handed_back_by_the_pool_keeps_the_settings()
    {
        using var source = new GeoPackageFeatureSource("p", path);
        SQLitePCL.sqlite3 handle;
        using (var first = source.OpenConnection())
        {
            handle = first.Handle!;
            Assert.Equal(-16384L, Pragma(first, "cache_size"));
        }

        // The settings are made once per native handle; the pool must hand the same handle back with them.
        using var second = source.OpenConnection();
        Assert.Same(handle, second.Handle);
        Assert.Equal(-16384L, Pragma(second, "cache_size"));
    }

    [Fact]
    public async Task After_a_rename_over_the_file_released_connections_read_the_new_file()
    {
        using var source = new GeoPackageFeatureSource("p", path);
        Assert.Equal(10, (await source.ToListAsync(new FeatureQuery("parcels", null, []))).Count);

        string delivery = directory.File("delivery.gpkg");
        GeoPackageWriter.Write(delivery, [SampleLayers.Parcels(4)]);
        File.Move(delivery, path, overwrite: true);

        // The pooled handle still holds the replaced file open: without the release it reads the old rows.
        Assert.Equal(10, (await source.ToListAsync(new FeatureQuery("parcels", null, []))).Count);
        source.ReleaseIdleConnections();
        Assert.Equal(4, (await source.ToListAsync(new FeatureQuery("parcels", null, []))).Count);
    }

    private static long Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}

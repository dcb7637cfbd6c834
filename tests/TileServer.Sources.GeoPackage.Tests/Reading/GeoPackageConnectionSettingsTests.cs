namespace TileServer.Sources.GeoPackage.Tests.Reading;

using System.Globalization;
using TileServer.Sources.GeoPackage.Tests.Support;

/// <summary>The read settings each pooled connection gets: a 16 MiB page cache and the file memory-mapped (SQLite
/// builds without mmap support would report 0 here, and the dense tiles would lose the speed measured for it).</summary>
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
    public void Connections_read_through_a_memory_map_with_a_16_MiB_page_cache()
    {
        using var source = new GeoPackageFeatureSource("p", path);
        using var connection = source.OpenConnection();
        Assert.Equal(-16384L, Pragma(connection, "cache_size"));
        Assert.Equal(GeoPackageFeatureSource.MemoryMappedBytes, Pragma(connection, "mmap_size"));
    }

    [Fact]
    public void A_connection_handed_back_by_the_pool_keeps_the_settings()
    {
        using var source = new GeoPackageFeatureSource("p", path);
        using (var first = source.OpenConnection())
        {
            using var reset = first.CreateCommand();
            reset.CommandText = "PRAGMA mmap_size = 0";
            reset.ExecuteNonQuery();
        }

        using var second = source.OpenConnection();
        Assert.Equal(GeoPackageFeatureSource.MemoryMappedBytes, Pragma(second, "mmap_size"));
    }

    private static long Pragma(Microsoft.Data.Sqlite.SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}

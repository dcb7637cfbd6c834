namespace TileServer.Sources.GeoPackage.Tests.MbTiles;

using System.IO.Compression;
using Microsoft.Data.Sqlite;
using TileServer.Sources.GeoPackage.MbTiles;

/// <summary>The MBTiles 1.3 layout, checked with plain SQL: tables, metadata, TMS rows, blobs as given.</summary>
public sealed class MbTilesWriterTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"mbtiles-{Guid.NewGuid():N}.mbtiles");

    public void Dispose() => File.Delete(path);

    [Fact]
    public void Creates_the_spec_tables_and_a_unique_tile_index()
    {
        using (new MbTilesWriter(path))
        {
        }

        using var connection = Open();
        Assert.Equal(1297105496L, Scalar(connection, "PRAGMA application_id"));
        Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('metadata','tiles')"));
        Assert.Equal(1L, Scalar(connection, "SELECT \"unique\" FROM pragma_index_list('tiles') WHERE name='tile_index'"));
        Assert.Equal("zoom_level,tile_column,tile_row", string.Join(',', Column(connection, "SELECT name FROM pragma_index_info('tile_index') ORDER BY seqno")));
        Assert.Equal("zoom_level,tile_column,tile_row,tile_data", string.Join(',', Column(connection, "SELECT name FROM pragma_table_info('tiles') ORDER BY cid")));
    }

    [Fact]
    public void Stores_rows_in_the_tms_scheme_and_reads_them_back_as_xyz()
    {
        using (var writer = new MbTilesWriter(path))
        {
            writer.Add(0, 0, 0, [1]);
            writer.Add(3, 5, 1, [2]);
            writer.Add(12, 3370, 1538, [3]);
        }

        using (var connection = Open())
        {
            Assert.Equal(0L, Scalar(connection, "SELECT tile_row FROM tiles WHERE zoom_level=0"));
            Assert.Equal(6L, Scalar(connection, "SELECT tile_row FROM tiles WHERE zoom_level=3 AND tile_column=5"));
            Assert.Equal(4095L - 1538, Scalar(connection, "SELECT tile_row FROM tiles WHERE zoom_level=12"));
        }

        using var reopened = new MbTilesWriter(path);
        Assert.Equal([(0, 0, 0), (3, 5, 1), (12, 3370, 1538)], reopened.ExistingTiles().Order());
    }

    [Fact]
    public void Metadata_is_name_value_rows_replaced_by_name()
    {
        using (var writer = new MbTilesWriter(path))
        {
            writer.SetMetadata(new Dictionary<string, string> { ["name"] = "ghyd", ["format"] = "pbf", ["minzoom"] = "10" });
            writer.SetMetadata(new Dictionary<string, string> { ["minzoom"] = "8" });
        }

        using (var reopened = new MbTilesWriter(path))
        {
            Assert.Equal("8", reopened.Metadata()["minzoom"]);
        }

        using var connection = Open();
        Assert.Equal("pbf", Scalar(connection, "SELECT value FROM metadata WHERE name='format'"));
        Assert.Equal("8", Scalar(connection, "SELECT value FROM metadata WHERE name='minzoom'"));
        Assert.Equal(3L, Scalar(connection, "SELECT count(*) FROM metadata"));
    }

    [Fact]
    public void Blobs_are_stored_as_given_so_gzip_mvt_stays_gzip()
    {
        byte[] mvt = [0x1a, 0x03, 0x0a, 0x01, 0x61];
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(mvt);
        }

        using (var writer = new MbTilesWriter(path))
        {
            writer.Add(10, 1, 2, gzipped.ToArray());
            writer.Add(10, 1, 2, gzipped.ToArray()); // a repeated tile replaces, never duplicates
        }

        using var connection = Open();
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM tiles"));
        byte[] stored = (byte[])Scalar(connection, "SELECT tile_data FROM tiles")!;
        Assert.Equal(new byte[] { 0x1f, 0x8b }, stored[..2]); // gzip magic (RFC 1952 §2.3.1)
        using var inflate = new GZipStream(new MemoryStream(stored), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        inflate.CopyTo(plain);
        Assert.Equal(mvt, plain.ToArray());
    }

    [Fact]
    public void Many_tiles_from_parallel_writers_are_all_committed()
    {
        using (var writer = new MbTilesWriter(path))
        {
            Parallel.For(0, 1000, i => writer.Add(10, i, 7, [(byte)i]));
        }

        using var connection = Open();
        Assert.Equal(1000L, Scalar(connection, "SELECT count(*) FROM tiles WHERE zoom_level=10 AND tile_row=1016"));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}

namespace TileServer.Sources.GeoPackage.MbTiles;

using Microsoft.Data.Sqlite;

/// <summary>Writes an MBTiles 1.3 file (https://github.com/mapbox/mbtiles-spec/blob/master/1.3/spec.md): a
/// <c>metadata</c> name/value table and a <c>tiles</c> table whose rows follow the TMS scheme (row 0 at the
/// bottom). Callers give XYZ coordinates (row 0 at the top, as everywhere else in the server) and the writer
/// flips them. An existing file is opened and extended, so an interrupted seed resumes where it stopped.
/// Safe for concurrent <see cref="Add"/> calls; rows are committed in batches.</summary>
public sealed class MbTilesWriter : IDisposable
{
    private const int BatchSize = 256;

    private readonly Lock gate = new();
    private readonly SqliteConnection connection;
    private SqliteTransaction? transaction;
    private SqliteCommand? insert;
    private int pending;

    public MbTilesWriter(string path)
    {
        connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        // MBTiles 1.3 "Database Specifications": the application_id 0x4d504258 ("MPBX") identifies the file.
        Execute("PRAGMA application_id=1297105496");
        // 1.3 "Schema": metadata(name text, value text) and tiles(zoom_level, tile_column, tile_row, tile_data);
        // the unique index makes a tile's key a key, as the spec's reference implementations do.
        Execute("CREATE TABLE IF NOT EXISTS metadata (name text, value text)");
        Execute("CREATE UNIQUE INDEX IF NOT EXISTS metadata_name ON metadata (name)");
        Execute("CREATE TABLE IF NOT EXISTS tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)");
        Execute("CREATE UNIQUE INDEX IF NOT EXISTS tile_index ON tiles (zoom_level, tile_column, tile_row)");
    }

    /// <summary>The TMS row of an XYZ row: 1.3 "Content" says tiles are stored in the TMS scheme, y = 2^z − 1 − y.</summary>
    public static int FlipRow(int zoom, int row) => (1 << zoom) - 1 - row;

    /// <summary>The (zoom, column, XYZ row) of every tile already stored, for resuming.</summary>
    public HashSet<(int Zoom, int Column, int Row)> ExistingTiles()
    {
        lock (gate)
        {
            var existing = new HashSet<(int, int, int)>();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT zoom_level, tile_column, tile_row FROM tiles";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                int zoom = reader.GetInt32(0);
                existing.Add((zoom, reader.GetInt32(1), FlipRow(zoom, reader.GetInt32(2))));
            }

            return existing;
        }
    }

    /// <summary>The metadata rows already in the file (empty for a new file).</summary>
    public Dictionary<string, string> Metadata()
    {
        lock (gate)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT name, value FROM metadata WHERE name IS NOT NULL AND value IS NOT NULL";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                values[reader.GetString(0)] = reader.GetString(1);
            }

            return values;
        }
    }

    /// <summary>Sets metadata rows (1.3 "metadata": name, format, bounds, center, minzoom, maxzoom, json, …),
    /// replacing earlier values of the same names.</summary>
    public void SetMetadata(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (gate)
        {
            foreach (var (name, value) in values)
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT OR REPLACE INTO metadata (name, value) VALUES ($name, $value)";
                command.Parameters.AddWithValue("$name", name);
                command.Parameters.AddWithValue("$value", value);
                command.ExecuteNonQuery();
            }
        }
    }

    /// <summary>Stores one tile given in XYZ coordinates; the bytes are stored as given (gzip MVT for "pbf",
    /// as 1.3 expects, is the caller's job). A tile already present is replaced.</summary>
    public void Add(int zoom, int column, int row, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        lock (gate)
        {
            if (transaction is null)
            {
                transaction = connection.BeginTransaction();
                insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES ($z, $x, $y, $data)";
                insert.Parameters.Add("$z", SqliteType.Integer);
                insert.Parameters.Add("$x", SqliteType.Integer);
                insert.Parameters.Add("$y", SqliteType.Integer);
                insert.Parameters.Add("$data", SqliteType.Blob);
            }

            insert!.Parameters["$z"].Value = zoom;
            insert.Parameters["$x"].Value = column;
            insert.Parameters["$y"].Value = FlipRow(zoom, row);
            insert.Parameters["$data"].Value = data;
            insert.ExecuteNonQuery();
            if (++pending >= BatchSize)
            {
                CommitLocked();
            }
        }
    }

    /// <summary>Commits the tiles added so far (also done by <see cref="Dispose"/>).</summary>
    public void Flush()
    {
        lock (gate)
        {
            CommitLocked();
        }
    }

    public void Dispose()
    {
        Flush();
        connection.Dispose();
    }

    private void CommitLocked()
    {
        insert?.Dispose();
        insert = null;
        transaction?.Commit();
        transaction?.Dispose();
        transaction = null;
        pending = 0;
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

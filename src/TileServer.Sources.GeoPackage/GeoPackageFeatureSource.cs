namespace TileServer.Sources.GeoPackage;

using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using TileServer.Core.Errors;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Binary;
using TileServer.Sources.GeoPackage.Reading;

/// <summary>Serves the feature tables of a GeoPackage file, read-only. Each query opens its own
/// (pooled) connection, so concurrent queries never share SQLite state. The header's user_version is
/// not checked: files of any GeoPackage version (GDAL writes 1.2, 1.3 or 1.4) share the tables read
/// here. Disposing releases the pooled handles on the file.</summary>
public sealed class GeoPackageFeatureSource : IFeatureSource, IFeatureRowScan, IDisposable
{
    /// <summary>SQLITE_NOTADB: the file header is not SQLite's.</summary>
    private const int SqliteNotADatabase = 26;

    private readonly string connectionString;
    private readonly Dictionary<string, GeoPackageTable> tables;
    private readonly Utf8TextInternerPool interners = new();
    private volatile bool disposed;

    /// <summary>Opens and catalogues the file; throws <see cref="DataSourceException"/> with a one-line
    /// message naming <paramref name="path"/> when it is missing or not a GeoPackage.</summary>
    public GeoPackageFeatureSource(string id, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Id = id;
        Path = path;
        if (!File.Exists(path))
            throw new DataSourceException($"{path}: GeoPackage file not found");

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();

        IReadOnlyList<GeoPackageTable> catalogue;
        try
        {
            using var connection = OpenConnection();
            if (!GeoPackageCatalogReader.HasCoreTables(connection))
                throw new DataSourceException($"{path}: not a GeoPackage (no gpkg_contents/gpkg_geometry_columns tables)");
            catalogue = GeoPackageCatalogReader.ReadTables(connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteNotADatabase)
        {
            throw new DataSourceException($"{path}: not a GeoPackage (file is not an SQLite database)", e);
        }
        catch (SqliteException e)
        {
            throw new DataSourceException($"{path}: cannot read GeoPackage ({OneLine(e.Message)})", e);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            throw new DataSourceException($"{path}: invalid GeoPackage ({OneLine(e.Message)})", e);
        }

        tables = catalogue.ToDictionary(t => t.Info.Table, StringComparer.OrdinalIgnoreCase);
        Layers = catalogue.Select(t => t.Info).ToList();
    }

    public string Id { get; }

    /// <summary>The file as named in configuration.</summary>
    public string Path { get; }

    public IReadOnlyList<SourceLayerInfo> Layers { get; }

    /// <summary>Streams matching features. Rows with NULL or empty geometries are skipped. With bounds,
    /// a feature is returned when its exact envelope intersects them: the R-tree stores 32-bit floats
    /// rounded outwards (SQLite R-tree docs), so its candidates are re-checked against the envelope in
    /// the geometry header. A plain box scan (no filter, sort, offset or limit: tiles) walks the R-tree in
    /// its own order; any other query is translated whole into SQL (<see cref="RefinedQuerySql"/>) and
    /// comes in sort-key order, then primary-key order.</summary>
    public async IAsyncEnumerable<FeatureRecord> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(disposed, this);
        var table = Find(query.Table);
        var fields = FieldsOf(table, query.Fields, nameof(query));
        if (query.Limit is < 0)
            throw new ArgumentException("limit must not be negative", nameof(query));
        if (query.Offset < 0)
            throw new ArgumentException("offset must not be negative", nameof(query));
        if (query.Limit == 0)
            yield break;

        var refined = query.IsRefined || query.Limit is not null;
        // Records that are not kept (a tile renderer's) may as well share their strings: a tile's rows repeat a
        // few codes thousands of times.
        var interner = query.ReusableRecords && !refined ? interners.Rent() : null;
        var rows = new ScannedRowReader(query, fields, table.RTreeTable is not null, interner);
        var statement = refined
            ? RefinedQuerySql.Select(table, fields, query)
            : new SqlStatement(FeatureQuerySql.Build(table, fields.Select(f => f.Name).ToArray(), query.Bounds is not null, rows.SelectIndexBox), BoundsParameters(query));

        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = OpenConnection();

        // A cancellation interrupts a running step, e.g. a long scan before the next row.
        await using var interruption = SqliteInterruption.Register(connection, cancellationToken);
        if (!refined)
        {
            using var scan = new BoxScanStatement(connection, statement);
            try
            {
                while (Step(scan, cancellationToken))
                {
                    if (rows.Read(scan) is { } record)
                        yield return record;
                }
            }
            finally
            {
                if (interner is not null)
                    interners.Return(interner);
            }

            yield break;
        }

        await using var command = Command(connection, statement);
        await using var reader = Execute(command, cancellationToken);
        var returned = 0;
        while (Read(reader, cancellationToken))
        {
            if (reader.IsDBNull(1))
                continue;
            var blob = reader.GetFieldValue<byte[]>(1);
            var header = GeoPackageBinary.ReadHeader(blob);
            // The refined SQL applies the bounds itself (RefinedQuerySql), so only empty geometries are left to skip.
            if (header.IsEmpty)
                continue;

            var values = new object?[fields.Length];
            for (var i = 0; i < fields.Length; i++)
                values[i] = FieldValueReading.Read(reader, i + 2, fields[i].Type);
            yield return new FeatureRecord(reader.GetInt64(0), GeoPackageBinary.WkbSlice(blob, header), values);

            if (++returned == query.Limit)
                yield break;
        }
    }

    /// <summary>The rows of a plain box query, as <see cref="QueryAsync"/> streams them with
    /// <see cref="FeatureQuery.ReusableRecords"/>, handed to <paramref name="visitor"/> while the statement is on
    /// them: the WKB straight from SQLite's buffer, and no record per row.</summary>
    public void Scan(FeatureQuery query, IFeatureRowVisitor visitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(visitor);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (query.IsRefined || query.Limit is not null)
            throw new ArgumentException("a row scan takes a plain box query (no filter, sort, offset or limit)", nameof(query));
        var table = Find(query.Table);
        var fields = FieldsOf(table, query.Fields, nameof(query));
        var interner = interners.Rent();
        var rows = new ScannedRowReader(query.ReusableRecords ? query : query with { ReusableRecords = true }, fields, table.RTreeTable is not null, interner);
        var statement = new SqlStatement(FeatureQuerySql.Build(table, fields.Select(f => f.Name).ToArray(), query.Bounds is not null, rows.SelectIndexBox), BoundsParameters(query));

        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();
        using var interruption = SqliteInterruption.Register(connection, cancellationToken);
        using var scan = new BoxScanStatement(connection, statement);
        while (Step(scan, cancellationToken))
        {
            if (rows.TryRead(scan, out var wkb, out var values))
                visitor.Visit(scan.Int64(0), wkb, values);
        }

        interners.Return(interner);
    }

    /// <summary>Opens the whole table for a bulk copy, in primary-key order, with the given fields
    /// (<see cref="IStoredFeatureRowReader"/>). The reader holds a connection until it is disposed; cancelling
    /// the token interrupts a running step.</summary>
    public IStoredFeatureRowReader OpenRowReader(string table, IReadOnlyList<string> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ObjectDisposedException.ThrowIf(disposed, this);
        var found = Find(table);
        var definitions = FieldsOf(found, fields, nameof(fields));
        var statement = new SqlStatement(FeatureQuerySql.Build(found, definitions.Select(f => f.Name).ToArray(), useBounds: false), []);
        var connection = OpenConnection();
        try
        {
            return new GeoPackageRowReader(connection, statement, definitions, cancellationToken);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Counts the matches of the query's bounds and filter with one COUNT(*) over the same WHERE
    /// clause the query uses, so counts and pages always agree.</summary>
    public Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(disposed, this);
        var statement = RefinedQuerySql.Count(Find(query.Table), query);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();
        using var command = Command(connection, statement);
        using var interruption = SqliteInterruption.Register(connection, cancellationToken);
        using var reader = Execute(command, cancellationToken);
        Read(reader, cancellationToken);
        return Task.FromResult(reader.GetInt64(0));
    }

    /// <summary>Closes the idle pooled connections for this file so its handles are released (e.g.
    /// before the file is replaced or deleted). Queries still running keep their connection until they
    /// finish; the pool then discards it instead of keeping it. Another source on the same path only
    /// loses idle connections, which it reopens on demand.</summary>
    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        ReleaseIdleConnections();
    }

    /// <summary>Closes the idle pooled connections, as <see cref="Dispose"/> does, but the source stays usable: the
    /// next query opens the file at its path again. Called when the file has changed: a pooled handle on a file
    /// replaced by a rename (the safe way to deliver a new GeoPackage) still reads the old file.</summary>
    public void ReleaseIdleConnections()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static bool Step(BoxScanStatement scan, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return SqliteInterruption.Run(static s => s.Step(), scan, cancellationToken);
    }

    private FieldDefinition[] FieldsOf(GeoPackageTable table, IEnumerable<string> names, string parameter) =>
        names.Select(name => table.FieldsByName.TryGetValue(name, out var field)
            ? field
            : throw new ArgumentException($"table {table.Info.Table} of source {Id} has no field '{name}'", parameter)).ToArray();

    private GeoPackageTable Find(string name) => tables.TryGetValue(name, out var table)
        ? table
        : throw new ArgumentException($"source {Id} has no feature table '{name}'", nameof(name));

    private static IReadOnlyList<KeyValuePair<string, object>> BoundsParameters(FeatureQuery query) => query.Bounds is { } box
        ? [new("@minx", box.MinX), new("@miny", box.MinY), new("@maxx", box.MaxX), new("@maxy", box.MaxY)]
        : [];

    private static SqliteCommand Command(SqliteConnection connection, SqlStatement statement)
    {
        var command = connection.CreateCommand();
        command.CommandText = statement.Text;
        foreach (var (name, value) in statement.Parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        if (!QueryFunctions.Register(connection))
        {
            return connection; // A pooled native handle, set up when it was first opened.
        }

        // SQLite's default page cache (2 MB) is smaller than one dense tile's rows (about 900 pages of
        // 平泉's seat at z12), so every tile re-read its pages from the OS. 16 MiB per pooled connection
        // keeps a neighbourhood of tiles in memory (docs/benchmarks.md, "Raster tiles against Mapnik"). The
        // pool hands back handles that keep the setting, so it is set once per native handle.
        // Not memory-mapped (PRAGMA mmap_size stays 0): that saved 1–5 % of a dense raster tile, but a file
        // truncated under a mapping (a delivery copied over the live file) raises SIGBUS and kills the server,
        // where read() gives SQLite an error it reports (docs/benchmarks.md, eighth session).
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size = -16384";
            pragma.ExecuteNonQuery();
        }

        return connection;
    }

    private static SqliteDataReader Execute(SqliteCommand command, CancellationToken cancellationToken) =>
        SqliteInterruption.Run(static c => c.ExecuteReader(), command, cancellationToken);

    private static bool Read(SqliteDataReader reader, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return SqliteInterruption.Run(static r => r.Read(), reader, cancellationToken);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}

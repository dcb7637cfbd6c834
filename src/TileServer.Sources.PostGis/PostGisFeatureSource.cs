namespace TileServer.Sources.PostGis;

using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;
using TileServer.Core.Errors;
using TileServer.Core.Features;
using TileServer.Core.Tiling;
using TileServer.Sources.PostGis.Catalog;
using TileServer.Sources.PostGis.Querying;
using TileServer.Sources.PostGis.Tiles;

/// <summary>Serves the geometry tables and views of a PostGIS database. Query boxes, extents and the
/// returned WKB are longitude/latitude (CGCS2000; tables in other SRIDs are transformed on the fly).
/// One bounded Npgsql pool per source; an outage surfaces as <see cref="SourceUnavailableException"/>
/// within the connect timeout and the pool reconnects by itself when PostgreSQL is back.</summary>
public sealed class PostGisFeatureSource : IFeatureSource, IMvtTileSource, IDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly Dictionary<string, PostGisTable> tables;
    private readonly PostGisSourceOptions options;
    private readonly MvtTileQuery mvt;
    private volatile bool disposed;

    /// <summary>Connects and catalogues the database. Throws <see cref="SourceUnavailableException"/>
    /// when PostgreSQL cannot be reached and <see cref="DataSourceException"/> for other failures.</summary>
    public PostGisFeatureSource(string id, PostGisSourceOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        Id = id;
        this.options = options;
        dataSource = PostGisConnectionFactory.Create(options, applicationName: $"tileserver:{id}");
        mvt = new MvtTileQuery(dataSource);
        try
        {
            var catalogue = PostGisCatalogReader.ReadAsync(dataSource, options.Schemas, CancellationToken.None).GetAwaiter().GetResult();
            tables = Select(catalogue, options.Tables).ToDictionary(t => t.Info.Table, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not DataSourceException)
        {
            dataSource.Dispose();
            throw (Exception?)UnavailabilityTranslator.Translate(e, id, options.RetryAfter, CancellationToken.None)
                  ?? new DataSourceException($"PostGIS source {id}: cannot read the catalogue ({e.Message.ReplaceLineEndings(" ")})", e);
        }

        Layers = tables.Values.Select(t => t.Info).ToList();
    }

    public string Id { get; }

    public IReadOnlyList<SourceLayerInfo> Layers { get; }

    /// <summary>Streams the features whose bounding box meets the query box (GiST-indexed &amp;&amp;, the
    /// same envelope semantics as the GeoPackage source) and that pass the filter, translated into SQL
    /// with every literal a parameter, sorted and paged by the server (<see cref="FeatureQuerySql"/>).
    /// Cancelling the token cancels the statement on the server (Npgsql sends a PostgreSQL cancel
    /// request).</summary>
    public async IAsyncEnumerable<FeatureRecord> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(disposed, this);
        var table = Find(query.Table);
        var fields = query.Fields.Select(name => table.FieldsByName.TryGetValue(name, out var field)
            ? field
            : throw new ArgumentException($"table {query.Table} of source {Id} has no field '{name}'", nameof(query))).ToArray();
        if (query.Limit is < 0)
            throw new ArgumentException("limit must not be negative", nameof(query));
        if (query.Offset < 0)
            throw new ArgumentException("offset must not be negative", nameof(query));
        if (query.Limit == 0)
            yield break;

        var translator = new PostgresFilterTranslator(table);
        var sql = FeatureQuerySql.Select(table, fields, query, translator);
        await using var connection = await Guard(() => dataSource.OpenConnectionAsync(cancellationToken).AsTask(), cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(translator.Parameters.ToArray());

        // SequentialAccess streams large WKB values instead of buffering whole rows (Npgsql docs, "Performance").
        await using var reader = await Guard(() => command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken), cancellationToken);
        while (await Guard(() => ReadRecordAsync(reader, fields, cancellationToken), cancellationToken) is { } record)
            yield return record;
    }

    /// <summary>Counts the matches of the query's bounds and filter with count(*) over the same WHERE clause
    /// the query uses.</summary>
    public async Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(disposed, this);
        var translator = new PostgresFilterTranslator(Find(query.Table));
        var sql = FeatureQuerySql.Count(Find(query.Table), query, translator);
        await using var connection = await Guard(() => dataSource.OpenConnectionAsync(cancellationToken).AsTask(), cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(translator.Parameters.ToArray());
        return await Guard(async () => (long)(await command.ExecuteScalarAsync(cancellationToken))!, cancellationToken);
    }

    public Task<byte[]> GetMvtTileAsync(IReadOnlyList<MvtLayerRequest> layers, TileCoordinate tile, MvtTileSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(settings);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!WebMercator.IsValid(tile))
            throw new ArgumentOutOfRangeException(nameof(tile), $"tile {tile} is outside WebMercatorQuad");
        var resolved = layers.Select(l => (Request: l, Table: Find(l.Table))).ToList();
        foreach (var (request, table) in resolved)
        {
            foreach (var name in request.Fields.Append(request.IdField).OfType<string>())
            {
                if (!table.FieldsByName.ContainsKey(name) && name != table.PrimaryKey)
                    throw new ArgumentException($"table {request.Table} of source {Id} has no field '{name}'", nameof(layers));
            }
        }

        return Guard(() => mvt.ExecuteAsync(resolved, tile, settings, cancellationToken), cancellationToken);
    }

    /// <summary>A listener for committed changes of this source's tables (LISTEN/NOTIFY on its own connection).</summary>
    public Changes.PostGisChangeListener CreateChangeListener() => new(options.ConnectionString, tables.Values);

    /// <summary>Closes the pool; statements still running finish on their own connections.</summary>
    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        dataSource.Dispose();
    }

    private PostGisTable Find(string name) => tables.TryGetValue(name, out var table)
        ? table
        : throw new ArgumentException($"source {Id} has no feature table '{name}'", nameof(name));

    private static IEnumerable<PostGisTable> Select(IReadOnlyList<PostGisTable> catalogue, IReadOnlyList<string>? wanted)
    {
        if (wanted is null || wanted.Count == 0)
            return catalogue;
        var byKey = catalogue.ToDictionary(t => t.Info.Table, StringComparer.Ordinal);
        var missing = wanted.Where(w => !byKey.ContainsKey(w)).ToList();
        if (missing.Count > 0)
            throw new DataSourceException($"PostGIS tables not found or not readable: {string.Join(", ", missing)}");
        return wanted.Select(w => byKey[w]);
    }

    private static async Task<FeatureRecord?> ReadRecordAsync(NpgsqlDataReader reader, FieldDefinition[] fields, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        var fid = reader.GetInt64(0);
        var wkb = await reader.GetFieldValueAsync<byte[]>(1, cancellationToken);
        var values = new object?[fields.Length];
        for (var i = 0; i < fields.Length; i++)
            values[i] = await reader.IsDBNullAsync(i + 2, cancellationToken) ? null : reader.GetValue(i + 2);
        return new FeatureRecord(fid, wkb, values);
    }

    /// <summary>Runs one database step, turning availability failures into SourceUnavailableException.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> step, CancellationToken cancellationToken)
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (UnavailabilityTranslator.Translate(e, Id, options.RetryAfter, cancellationToken) is { } unavailable)
        {
            throw unavailable;
        }
    }
}

namespace TileServer.Sources.PostGis.Catalog;

using Npgsql;
using NpgsqlTypes;
using TileServer.Core.Features;
using TileServer.Core.Geometry;

/// <summary>Discovers the readable tables and views with a geometry column, from geometry_columns
/// (PostGIS manual §4.6.2) and pg_catalog. Only the first geometry column of a relation is published.</summary>
internal static class PostGisCatalogReader
{
    // has_table_privilege keeps tables the role cannot SELECT out of the list (geometry_columns shows
    // them to every role). relkind: r table, v view, m materialized view, p partitioned table.
    private const string GeometryTablesSql = """
        SELECT DISTINCT ON (g.f_table_schema, g.f_table_name)
               g.f_table_schema, g.f_table_name, g.f_geometry_column, g.srid, g.type, g.coord_dimension,
               c.oid, c.reltuples::float8,
               coalesce(s.proj4text LIKE '%+proj=longlat%', false) AS geographic
        FROM geometry_columns g
        JOIN pg_namespace n ON n.nspname = g.f_table_schema
        JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = g.f_table_name
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = g.f_geometry_column
        LEFT JOIN spatial_ref_sys s ON s.srid = g.srid
        WHERE c.relkind IN ('r', 'v', 'm', 'p')
          AND has_table_privilege(c.oid, 'SELECT')
          AND g.f_table_schema NOT IN ('pg_catalog', 'information_schema', 'topology', 'tiger')
          AND (cardinality(@schemas) = 0 OR g.f_table_schema = ANY(@schemas))
        ORDER BY g.f_table_schema, g.f_table_name, a.attnum
        """;

    private const string ColumnsSql = """
        SELECT a.attrelid, a.attname, t.typname
        FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
        WHERE a.attrelid = ANY(@oids) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum
        """;

    // A single-column integer primary key is a stable feature id (views have none).
    private const string PrimaryKeysSql = """
        SELECT i.indrelid, a.attname
        FROM pg_index i
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
        JOIN pg_type t ON t.oid = a.atttypid
        WHERE i.indisprimary AND i.indnatts = 1 AND i.indrelid = ANY(@oids) AND t.typname IN ('int2', 'int4', 'int8')
        """;

    private sealed record Row(string Schema, string Name, string GeometryColumn, int Srid, string Type, int Dimensions, uint Oid, double Tuples, bool Geographic);

    public static async Task<IReadOnlyList<PostGisTable>> ReadAsync(NpgsqlDataSource dataSource, IReadOnlyList<string>? schemas, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = new List<Row>();
        await using (var command = new NpgsqlCommand(GeometryTablesSql, connection))
        {
            command.Parameters.Add(new NpgsqlParameter("schemas", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (schemas ?? []).ToArray() });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                    reader.GetInt32(5), reader.GetFieldValue<uint>(6), reader.GetDouble(7), reader.GetBoolean(8)));
        }

        var oids = rows.Select(r => r.Oid).ToArray();
        var columns = await ReadPairsAsync(connection, ColumnsSql, oids, cancellationToken);
        var keys = (await ReadPairsAsync(connection, PrimaryKeysSql, oids, cancellationToken)).ToDictionary(k => k.Oid, k => k.Name);

        var tables = new List<PostGisTable>(rows.Count);
        foreach (var row in rows)
        {
            keys.TryGetValue(row.Oid, out var primaryKey);
            var fields = new List<FieldDefinition>();
            foreach (var column in columns.Where(c => c.Oid == row.Oid && c.Name != row.GeometryColumn && c.Name != primaryKey))
            {
                if (PostGisTypeNames.ToFieldType(column.Type!) is { } type)
                    fields.Add(new FieldDefinition(column.Name, type));
            }

            var extent = await ReadExtentAsync(connection, row, cancellationToken);
            var count = row.Tuples >= 0 ? (long)row.Tuples : await CountAsync(connection, row, cancellationToken);
            var key = row.Schema == "public" ? row.Name : $"{row.Schema}.{row.Name}";
            var info = new SourceLayerInfo(key, row.GeometryColumn, PostGisTypeNames.ToGeometryKind(row.Type), row.Srid, extent, fields, count)
            {
                KeyColumn = primaryKey,
            };
            tables.Add(new PostGisTable(info, row.Schema, row.Name, primaryKey, row.Geographic, row.Dimensions > 2,
                fields.ToDictionary(f => f.Name, StringComparer.Ordinal)));
        }

        return tables;
    }

    private static async Task<List<(uint Oid, string Name, string? Type)>> ReadPairsAsync(NpgsqlConnection connection, string sql, uint[] oids, CancellationToken cancellationToken)
    {
        var result = new List<(uint, string, string?)>();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter("oids", NpgsqlDbType.Array | NpgsqlDbType.Oid) { Value = oids });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            result.Add((reader.GetFieldValue<uint>(0), reader.GetString(1), reader.FieldCount > 2 ? reader.GetString(2) : null));
        return result;
    }

    /// <summary>The extent in longitude/latitude: the planner's estimate (ST_EstimatedExtent, cheap, from
    /// ANALYZE statistics; tables only) or, failing that, ST_Extent over the rows. Empty tables have an
    /// empty box.</summary>
    private static async Task<BoundingBox> ReadExtentAsync(NpgsqlConnection connection, Row row, CancellationToken cancellationToken)
    {
        var target = row.Srid is SpatialReferences.Cgcs2000 or SpatialReferences.Wgs84 ? row.Srid : SpatialReferences.Cgcs2000;
        var table = $"{SqlIdentifier.Quote(row.Schema)}.{SqlIdentifier.Quote(row.Name)}";
        var column = SqlIdentifier.Quote(row.GeometryColumn);
        // Views have no statistics: ST_EstimatedExtent raises an error for them rather than returning NULL.
        var estimate = ExtentSql("SELECT ST_EstimatedExtent(@schema, @table, @column)::geometry AS box");
        var exact = ExtentSql($"SELECT ST_Extent({column})::geometry AS box FROM {table}");
        foreach (var sql in new[] { estimate, exact })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("schema", row.Schema);
            command.Parameters.AddWithValue("table", row.Name);
            command.Parameters.AddWithValue("column", row.GeometryColumn);
            command.Parameters.AddWithValue("srid", row.Srid);
            command.Parameters.AddWithValue("target", target);
            try
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0))
                    return new BoundingBox(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
            }
            catch (PostgresException) when (ReferenceEquals(sql, estimate))
            {
                // No statistics (never analysed, or a view): fall through to the exact extent.
            }
        }

        return BoundingBox.Empty;
    }

    private static string ExtentSql(string boxQuery) => $"""
        SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)
        FROM (SELECT CASE WHEN @srid IN (0, @target) THEN box ELSE ST_Transform(ST_SetSRID(box, @srid), @target) END AS b
              FROM ({boxQuery}) e) t
        """;

    private static async Task<long> CountAsync(NpgsqlConnection connection, Row row, CancellationToken cancellationToken)
    {
        // reltuples is -1 for never-analysed tables (PostgreSQL 14+) and meaningless for views.
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {SqlIdentifier.Quote(row.Schema)}.{SqlIdentifier.Quote(row.Name)}", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

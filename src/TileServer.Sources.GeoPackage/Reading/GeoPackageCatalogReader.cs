namespace TileServer.Sources.GeoPackage.Reading;

using Microsoft.Data.Sqlite;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Binary;
using TileServer.Sources.GeoPackage.Schema;

/// <summary>Discovers the feature tables of an open GeoPackage from gpkg_contents and
/// gpkg_geometry_columns (GeoPackage 1.3 §1.1.3, §2.1.5).</summary>
internal static class GeoPackageCatalogReader
{
    private const string FeatureTablesSql = """
        SELECT c.table_name, g.column_name, g.geometry_type_name, g.srs_id, c.min_x, c.min_y, c.max_x, c.max_y
        FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
        WHERE c.data_type = 'features'
        ORDER BY c.table_name
        """;

    public static bool HasCoreTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name IN ('gpkg_contents', 'gpkg_geometry_columns')";
        return Convert.ToInt64(command.ExecuteScalar()) == 2;
    }

    public static IReadOnlyList<GeoPackageTable> ReadTables(SqliteConnection connection)
    {
        var rows = new List<(string Table, string Column, string Type, int Srid, BoundingBox? Extent)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = FeatureTablesSql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                BoundingBox? extent = null;
                if (!reader.IsDBNull(4) && !reader.IsDBNull(5) && !reader.IsDBNull(6) && !reader.IsDBNull(7))
                    extent = new BoundingBox(reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7));
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), extent));
            }
        }

        return rows.Select(r => ReadTable(connection, r.Table, r.Column, r.Type, r.Srid, r.Extent)).ToList();
    }

    private static GeoPackageTable ReadTable(SqliteConnection connection, string table, string geometryColumn, string typeName, int srid, BoundingBox? extent)
    {
        string? idColumn = null;
        var fields = new List<FieldDefinition>();
        using (var command = connection.CreateCommand())
        {
            // The table-valued form of PRAGMA table_info accepts the table name as a parameter.
            command.CommandText = "SELECT name, type, pk FROM pragma_table_info(@table) ORDER BY cid";
            command.Parameters.AddWithValue("@table", table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var name = reader.GetString(0);
                var declaredType = reader.GetString(1);
                if (reader.GetInt64(2) == 1 && FieldTypeNames.FromGeoPackage(declaredType) == FieldType.Integer)
                    idColumn = name;
                else if (!string.Equals(name, geometryColumn, StringComparison.OrdinalIgnoreCase)
                         && FieldTypeNames.FromGeoPackage(declaredType) is { } fieldType)
                    fields.Add(new FieldDefinition(name, fieldType));
            }
        }

        // GeoPackage 1.3 §2.1.6.1.1: every feature table has an INTEGER PRIMARY KEY column.
        if (idColumn is null)
            throw new InvalidDataException($"table {table} has no INTEGER PRIMARY KEY column");

        var rtreeName = SqlIdentifier.RTreeTableName(table, geometryColumn);
        var rtree = TableExists(connection, rtreeName) ? rtreeName : null;
        var count = Scalar(connection, $"SELECT COUNT(*) FROM {SqlIdentifier.Quote(table)}");
        var info = new SourceLayerInfo(
            table,
            geometryColumn,
            GeometryTypeNames.FromGeoPackage(typeName),
            srid,
            extent ?? ComputeExtent(connection, table, geometryColumn),
            fields,
            count);
        var byName = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        return new GeoPackageTable(info, idColumn, rtree, byName);
    }

    /// <summary>gpkg_contents bounds are optional (GeoPackage 1.3 §1.1.3.1.1), so compute them when absent.</summary>
    private static BoundingBox ComputeExtent(SqliteConnection connection, string table, string geometryColumn)
    {
        var extent = BoundingBox.Empty;
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqlIdentifier.Quote(geometryColumn)} FROM {SqlIdentifier.Quote(table)} WHERE {SqlIdentifier.Quote(geometryColumn)} IS NOT NULL";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (GeometryBlobEnvelope.Of(reader.GetFieldValue<byte[]>(0)) is { } envelope)
                extent = extent.ExpandToInclude(envelope);
        }

        return extent;
    }

    private static bool TableExists(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name";
        command.Parameters.AddWithValue("@name", name);
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }
}

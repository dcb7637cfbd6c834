namespace TileServer.Sources.GeoPackage.Writing;

using Microsoft.Data.Sqlite;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Binary;
using TileServer.Sources.GeoPackage.Schema;

/// <summary>Writes one feature table with its catalogue rows and R-tree index inside the writer's
/// open transaction.</summary>
internal sealed class LayerTableWriter(SqliteConnection connection, SqliteTransaction transaction, IProgress<string>? progress)
{
    public const string IdColumn = "fid";
    public const string GeometryColumn = "geom";
    private const int ProgressInterval = 100_000;

    public void Write(FeatureLayerData layer, string identifier)
    {
        var schema = layer.Schema;
        var fieldNames = schema.Fields.Select(f => f.Name.ToLowerInvariant()).ToArray();
        CreateTable(schema, fieldNames);
        var (ids, envelopes, extent) = InsertRows(layer, fieldNames);
        InsertCatalogueRows(schema, identifier, extent);
        CreateSpatialIndex(schema.Name, ids, envelopes);
        progress?.Report($"{schema.Name}: {layer.Features.Count} rows written");
    }

    private void CreateTable(FeatureLayerSchema schema, string[] fieldNames)
    {
        var columns = new List<string>
        {
            $"{SqlIdentifier.Quote(IdColumn)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL",
            $"{SqlIdentifier.Quote(GeometryColumn)} {GeometryTypeNames.ToGeoPackage(schema.GeometryKind)}",
        };
        for (var i = 0; i < fieldNames.Length; i++)
            columns.Add($"{SqlIdentifier.Quote(fieldNames[i])} {FieldTypeNames.ToGeoPackage(schema.Fields[i].Type)}");
        Execute($"CREATE TABLE {SqlIdentifier.Quote(schema.Name)} ({string.Join(", ", columns)})");
    }

    private (long[] Ids, BoundingBox[] Envelopes, BoundingBox Extent) InsertRows(FeatureLayerData layer, string[] fieldNames)
    {
        var schema = layer.Schema;
        var columnList = string.Join(", ", new[] { IdColumn, GeometryColumn }.Concat(fieldNames).Select(SqlIdentifier.Quote));
        var parameterNames = new[] { "@id", "@geom" }.Concat(fieldNames.Select((_, i) => $"@p{i}")).ToArray();

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {SqlIdentifier.Quote(schema.Name)} ({columnList}) VALUES ({string.Join(", ", parameterNames)})";
        var parameters = parameterNames.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();

        var wkbWriter = GeoPackageBinary.CreateWkbWriter();
        var ids = new List<long>(layer.Features.Count);
        var envelopes = new List<BoundingBox>(layer.Features.Count);
        var extent = BoundingBox.Empty;
        for (var index = 0; index < layer.Features.Count; index++)
        {
            var feature = layer.Features[index];
            if (!GeometryTypeNames.Accepts(schema.GeometryKind, feature.Geometry))
                throw new ArgumentException($"layer {schema.Name}: feature {index} is a {feature.Geometry.GeometryType}, the layer declares {schema.GeometryKind}");
            if (feature.Values.Length != fieldNames.Length)
                throw new ArgumentException($"layer {schema.Name}: feature {index} has {feature.Values.Length} values for {fieldNames.Length} fields");

            var id = index + 1L;
            parameters[0].Value = id;
            parameters[1].Value = GeoPackageBinary.Encode(feature.Geometry, schema.Srid, wkbWriter);
            for (var f = 0; f < fieldNames.Length; f++)
                parameters[f + 2].Value = FieldValueConversion.ToColumnValue(feature.Values[f], schema.Fields[f].Type);
            insert.ExecuteNonQuery();

            if (!feature.Geometry.IsEmpty)
            {
                var e = feature.Geometry.EnvelopeInternal;
                var envelope = new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY);
                ids.Add(id);
                envelopes.Add(envelope);
                extent = extent.ExpandToInclude(envelope);
            }

            if ((index + 1) % ProgressInterval == 0)
                progress?.Report($"{schema.Name}: {index + 1}/{layer.Features.Count} rows written");
        }

        return (ids.ToArray(), envelopes.ToArray(), extent);
    }

    private void InsertCatalogueRows(FeatureLayerSchema schema, string identifier, BoundingBox extent)
    {
        object Coordinate(double value) => extent.IsEmpty ? DBNull.Value : value;
        Execute(GeoPackageCoreSql.InsertContents,
            ("@table", schema.Name),
            ("@identifier", identifier),
            ("@description", schema.Description ?? string.Empty),
            ("@minx", Coordinate(extent.MinX)),
            ("@miny", Coordinate(extent.MinY)),
            ("@maxx", Coordinate(extent.MaxX)),
            ("@maxy", Coordinate(extent.MaxY)),
            ("@srid", schema.Srid));
        Execute(GeoPackageCoreSql.InsertGeometryColumn,
            ("@table", schema.Name),
            ("@column", GeometryColumn),
            ("@type", GeometryTypeNames.ToGeoPackage(schema.GeometryKind)),
            ("@srid", schema.Srid));
    }

    /// <summary>Fills the index in bulk from envelopes gathered while inserting, then adds the
    /// triggers, so the bulk load does not pay for trigger evaluation (GeoPackage 1.3 F.3 only
    /// requires that the index be consistent once written).</summary>
    private void CreateSpatialIndex(string table, long[] ids, BoundingBox[] envelopes)
    {
        Execute(RTreeIndexSql.CreateVirtualTable(table, GeometryColumn));
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = RTreeIndexSql.Insert(table, GeometryColumn);
            var id = insert.Parameters.Add("@id", SqliteType.Integer);
            var minX = insert.Parameters.Add("@minx", SqliteType.Real);
            var maxX = insert.Parameters.Add("@maxx", SqliteType.Real);
            var minY = insert.Parameters.Add("@miny", SqliteType.Real);
            var maxY = insert.Parameters.Add("@maxy", SqliteType.Real);
            insert.Prepare();
            for (var i = 0; i < ids.Length; i++)
            {
                id.Value = ids[i];
                minX.Value = envelopes[i].MinX;
                maxX.Value = envelopes[i].MaxX;
                minY.Value = envelopes[i].MinY;
                maxY.Value = envelopes[i].MaxY;
                insert.ExecuteNonQuery();
            }
        }

        foreach (var trigger in RTreeIndexSql.CreateTriggers(table, GeometryColumn, IdColumn))
            Execute(trigger);
        Execute(GeoPackageCoreSql.InsertExtension,
            ("@table", table),
            ("@column", GeometryColumn),
            ("@name", GeoPackageCoreSql.RTreeExtensionName),
            ("@definition", GeoPackageCoreSql.RTreeExtensionDefinition));
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}

namespace TileServer.Sources.PostGis.Import;

using System.Globalization;
using TileServer.Core.Features;
using TileServer.Sources.PostGis.Catalog;

/// <summary>DDL and DML of an import. Every name was checked by <see cref="SqlIdentifier.IsPlainName"/>
/// and is quoted anyway.</summary>
internal sealed class ImportTableSql(string schema, FeatureLayerSchema layer)
{
    public const string IdColumn = "fid";
    public const string GeometryColumn = "geom";

    /// <summary>The staging table; its name is derived from the target and kept within 63 bytes.</summary>
    public string StagingName { get; } = Truncate(layer.Name, 63 - "__import".Length) + "__import";

    public string Target => Qualified(layer.Name);

    public string Staging => Qualified(StagingName);

    /// <summary>The quoted schema-qualified target, as text for to_regclass(@name).</summary>
    public string TargetForRegclass => Target;

    public string CreateSchema => $"CREATE SCHEMA IF NOT EXISTS {SqlIdentifier.Quote(schema)}";

    /// <summary>A typed geometry column makes PostGIS check the type and give SRID-less WKB the column's
    /// SRID on input (PostGIS manual §4.1.2.1, typmod); keys and indexes come after the load, which is
    /// faster than maintaining them row by row (PostgreSQL docs §14.4.3, "Remove Indexes").</summary>
    public string CreateStaging =>
        $"CREATE TABLE {Staging} ({IdColumn} bigint NOT NULL, {GeometryColumn} geometry({PostGisTypeNames.ToTypmodName(layer.GeometryKind)}, {layer.Srid.ToString(CultureInfo.InvariantCulture)})" +
        string.Concat(layer.Fields.Select(f => $", {SqlIdentifier.Quote(f.Name)} {PostGisTypeNames.ToColumnType(f.Type)}")) + ")";

    /// <summary>FREEZE writes the rows already frozen and their pages all-visible, which COPY may do because the
    /// staging table was created in this same transaction (PostgreSQL docs, COPY, FREEZE; §14.4.7). Without it
    /// the validity scan sets a hint bit on every row and dirties every page again, and the key, GiST and ANALYZE
    /// scans check each row's visibility; with it they read pages known visible, and no VACUUM has to visit the new
    /// table after the import (measured, docs/benchmarks.md). FREEZE's caveat, rows visible to snapshots older than
    /// the load, cannot bite: no other session sees the staging table before the swap commits.</summary>
    public string Copy => $"COPY {Staging} ({ColumnList}) FROM STDIN (FORMAT BINARY, FREEZE)";

    public string InvalidFids => $"SELECT {IdColumn} FROM {Staging} WHERE NOT ST_IsValid({GeometryColumn}) ORDER BY {IdColumn}";

    /// <summary>The invalid rows among the fids in @fids (bigint[]), the rows the client could not prove valid.</summary>
    public string InvalidFidsAmong => $"SELECT {IdColumn} FROM {Staging} WHERE {IdColumn} = ANY(@fids) AND NOT ST_IsValid({GeometryColumn}) ORDER BY {IdColumn}";

    /// <summary>Repairs the listed rows. ST_MakeValid may return a collection mixing dimensions; only the
    /// layer's own dimension is kept (ST_CollectionExtract), made multi or single as the column requires.</summary>
    public string Repair => $"UPDATE {Staging} SET {GeometryColumn} = {RepairExpression()} WHERE {IdColumn} = ANY(@fids)";

    public string DeleteEmpty => $"DELETE FROM {Staging} WHERE {GeometryColumn} IS NULL OR ST_IsEmpty({GeometryColumn})";

    public string MaxFid => $"SELECT coalesce(max({IdColumn}), 0) FROM {Target}";

    public string LockTarget => $"LOCK TABLE {Target} IN SHARE ROW EXCLUSIVE MODE";

    public string AddKey => $"ALTER TABLE {Staging} ADD CONSTRAINT {SqlIdentifier.Quote(StagingName + "_pk")} PRIMARY KEY ({IdColumn})";

    public string CreateSpatialIndex => $"CREATE INDEX {SqlIdentifier.Quote(StagingName + "_gix")} ON {Staging} USING gist ({GeometryColumn})";

    public string Analyze => $"ANALYZE {Staging}";

    /// <summary>Replaces the target by the staging table; the caller's transaction makes it atomic and
    /// readers of the old table see it until commit (PostgreSQL MVCC, DROP takes ACCESS EXCLUSIVE).</summary>
    public string Swap(bool targetExists) =>
        (targetExists ? $"DROP TABLE {Target}; " : "") +
        $"ALTER TABLE {Staging} RENAME TO {SqlIdentifier.Quote(layer.Name)}; " +
        $"ALTER TABLE {Target} RENAME CONSTRAINT {SqlIdentifier.Quote(StagingName + "_pk")} TO {SqlIdentifier.Quote(Truncate(layer.Name, 60) + "_pk")}; " +
        $"ALTER INDEX {Qualified(StagingName + "_gix")} RENAME TO {SqlIdentifier.Quote(Truncate(layer.Name, 59) + "_gix")}; " +
        ReplacedNotification;

    /// <summary>The swapped-in table carries none of the old one's triggers and all of its rows are new: listening
    /// servers are told the whole table was replaced (delivered at commit), and reinstall their change triggers.</summary>
    private string ReplacedNotification =>
        $"SELECT pg_notify('{Changes.ChangeTriggerSql.Channel}', json_build_object('schema', {Literal(schema)}, 'table', {Literal(layer.Name)}, 'whole', true, 'replaced', true)::text)";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public string AppendFromStaging =>
        $"INSERT INTO {Target} ({ColumnList}) SELECT {ColumnList} FROM {Staging}; DROP TABLE {Staging}; ANALYZE {Target}";

    private string ColumnList => string.Join(", ", new[] { IdColumn, GeometryColumn }.Concat(layer.Fields.Select(f => f.Name)).Select(SqlIdentifier.Quote));

    private string RepairExpression()
    {
        var valid = $"ST_MakeValid({GeometryColumn})";
        return layer.GeometryKind switch
        {
            GeometryKind.MultiPolygon => $"ST_Multi(ST_CollectionExtract({valid}, 3))",
            GeometryKind.MultiLineString => $"ST_Multi(ST_CollectionExtract({valid}, 2))",
            GeometryKind.MultiPoint => $"ST_Multi(ST_CollectionExtract({valid}, 1))",
            GeometryKind.Polygon => Single(valid, 3),
            GeometryKind.LineString => Single(valid, 2),
            GeometryKind.Point => Single(valid, 1),
            _ => valid,
        };
    }

    // A single-part column can take the repair only when it yields exactly one part; otherwise NULL,
    // and the row is dropped and counted.
    private static string Single(string valid, int type) =>
        $"(SELECT CASE WHEN ST_NumGeometries(x) = 1 THEN ST_GeometryN(x, 1) END FROM (SELECT ST_CollectionExtract({valid}, {type}) AS x) r)";

    private string Qualified(string name) => $"{SqlIdentifier.Quote(schema)}.{SqlIdentifier.Quote(name)}";

    private static string Truncate(string name, int length) => name.Length <= length ? name : name[..length];
}

namespace TileServer.Sources.PostGis.Tiles;

using System.Globalization;
using System.Text;
using TileServer.Core.Features;
using TileServer.Sources.PostGis.Catalog;
using TileServer.Sources.PostGis.Querying;

/// <summary>Writes the single statement of a composite database-made tile: one CTE per layer cutting
/// its features with ST_AsMVTGeom, then the ST_AsMVT layers concatenated — a tile is a sequence of
/// Layer messages (MVT 2.1 §4.1), so concatenating encoded layers yields a valid tile (PostGIS manual,
/// ST_AsMVT). Only catalogue identifiers are written into the text; values are parameters, and the text
/// depends only on the layer list, so Npgsql's auto-prepare reuses one server-side plan per composite.</summary>
internal static class MvtTileSql
{
    public const string GeometryColumn = "__mvt_geom";
    public const string IdColumn = "__mvt_id";

    /// <summary>Parameters: @z @x @y (int4), @extent @buffer (int4), @margin (buffer / extent, float8),
    /// @min_area (tile units², float8), and per layer i: @name_i (text), @tolerance_i (table units, float8).</summary>
    public static string Build(IReadOnlyList<(MvtLayerRequest Request, PostGisTable Table)> layers)
    {
        var sql = new StringBuilder("WITH bounds AS (SELECT ST_TileEnvelope(@z, @x, @y) AS tile, ST_TileEnvelope(@z, @x, @y, margin => @margin) AS buffered)");
        for (var i = 0; i < layers.Count; i++)
            AppendLayer(sql, i, layers[i].Request, layers[i].Table);

        sql.Append("\nSELECT ");
        for (var i = 0; i < layers.Count; i++)
        {
            if (i > 0)
                sql.Append(" || ");
            // ST_AsMVT over no rows yields an empty bytea or NULL depending on the PostGIS version.
            sql.Append(Invariant($"coalesce((SELECT ST_AsMVT(l{i}, @name_{i}, @extent, '{GeometryColumn}', '{IdColumn}') FROM l{i}), ''::bytea)"));
        }

        return sql.ToString();
    }

    private static void AppendLayer(StringBuilder sql, int index, MvtLayerRequest request, PostGisTable table)
    {
        var geometry = "t." + table.QuotedGeometry;
        var prepared = table.HasZOrM ? $"ST_Force2D({geometry})" : geometry;
        // Simplify in the table's own units before reprojecting: fewer vertices go through ST_Transform.
        // ST_SimplifyPreserveTopology would keep rings valid but costs several times more; ST_AsMVTGeom
        // validates polygons after quantizing anyway (PostGIS manual, ST_AsMVTGeom), as the in-process encoder
        // drops degenerate rings.
        var simplified = Invariant($"ST_Simplify({prepared}, @tolerance_{index}, false)");
        sql.Append(Invariant($",\nl{index} AS (SELECT * FROM (SELECT ST_AsMVTGeom(ST_Transform({simplified}, {SpatialReferences.WebMercator}), b.tile, @extent, @buffer, true) AS {GeometryColumn}, "));
        sql.Append(FeatureId(request, table)).Append(" AS ").Append(IdColumn);
        foreach (var name in request.Fields)
        {
            var type = table.FieldsByName.TryGetValue(name, out var field) ? field.Type : FieldType.Integer; // else the primary key
            sql.Append(", t.").Append(SqlIdentifier.Quote(name)).Append("::").Append(PostGisTypeNames.ToReadCast(type))
               .Append(" AS ").Append(SqlIdentifier.Quote(name));
        }

        sql.Append(" FROM ").Append(table.QualifiedName).Append(" t, bounds b WHERE ").Append(geometry).Append(" && ");
        sql.Append(table.Info.Srid == SpatialReferences.WebMercator
            ? "b.buffered"
            // The buffered tile box in the table's SRID. Lines of constant x/y in Web Mercator are lines of
            // constant longitude/latitude, so for lon/lat tables the transformed corners are exact.
            : Invariant($"ST_Transform(b.buffered, {table.Info.Srid})"));
        sql.Append(") f WHERE ").Append(GeometryColumn).Append(" IS NOT NULL");
        if (IsPolygonal(table.Info.GeometryKind))
        {
            // Polygons under the minimum area (in tile units², after clipping) would render as specks;
            // the in-process encoder drops them the same way.
            sql.Append(" AND (ST_Dimension(").Append(GeometryColumn).Append(") < 2 OR ST_Area(").Append(GeometryColumn).Append(") >= @min_area)");
        }

        sql.Append(')');
    }

    /// <summary>The MVT feature id (MVT 2.1 §4.2, unsigned): the IdField when it holds a non-negative
    /// integer (bsm, xzqdm are numeric text), else the row id, mirroring the in-process encoder.</summary>
    private static string FeatureId(MvtLayerRequest request, PostGisTable table)
    {
        var rowId = FeatureQuerySql.RowId(table, "t.");
        var fallback = $"CASE WHEN {rowId} >= 0 THEN {rowId} END";
        if (request.IdField is not { } idField)
            return fallback;
        var column = "t." + SqlIdentifier.Quote(idField);
        var type = table.FieldsByName.TryGetValue(idField, out var field) ? field.Type : FieldType.Integer;
        var numeric = type switch
        {
            // Up to 18 digits always fits int8 (max 9223372036854775807 has 19).
            FieldType.Text => $"CASE WHEN {column} ~ '^[0-9]{{1,18}}$' THEN {column}::int8 END",
            FieldType.Integer => $"CASE WHEN {column} >= 0 THEN {column}::int8 END",
            _ => $"CASE WHEN {column} >= 0 AND {column} < 9.2e18 AND {column} = trunc({column}) THEN {column}::int8 END",
        };
        return $"coalesce({numeric}, {fallback})";
    }

    private static bool IsPolygonal(GeometryKind kind) => kind is GeometryKind.Polygon or GeometryKind.MultiPolygon or GeometryKind.Geometry;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

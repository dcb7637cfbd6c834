namespace TileServer.Sources.PostGis.Querying;

using System.Text;
using TileServer.Core.Features;
using TileServer.Sources.PostGis.Catalog;

/// <summary>Builds the statement behind <see cref="PostGisFeatureSource.QueryAsync"/>. Identifiers come
/// from the catalogue and are quoted; the box and the limit are parameters.</summary>
internal static class FeatureQuerySql
{
    /// <summary>SELECT id, WKB, fields… with an optional index-backed envelope test (&amp;&amp; uses the GiST
    /// index). The box is longitude/latitude and is transformed into the table's SRID when that differs,
    /// and the geometry back to CGCS2000, so every table answers in the same CRS.</summary>
    public static string Build(PostGisTable table, IReadOnlyList<FieldDefinition> fields, bool withBounds, bool withLimit)
    {
        var geometry = table.QuotedGeometry;
        var output = table.HasZOrM ? $"ST_Force2D({geometry})" : geometry;
        if (!table.IsLonLat)
            output = $"ST_Transform({output}, {SpatialReferences.Cgcs2000})";

        var sql = new StringBuilder("SELECT ").Append(RowId(table)).Append(", ST_AsBinary(").Append(output).Append(')');
        foreach (var field in fields)
            sql.Append(", ").Append(SqlIdentifier.Quote(field.Name)).Append("::").Append(PostGisTypeNames.ToReadCast(field.Type));
        sql.Append(" FROM ").Append(table.QualifiedName).Append(" WHERE ").Append(geometry).Append(" IS NOT NULL AND NOT ST_IsEmpty(").Append(geometry).Append(')');
        if (withBounds)
        {
            sql.Append(" AND ").Append(geometry).Append(" && ").Append(Envelope(table));
            // && compares the index's float4 boxes, rounded outwards (PostGIS manual, "&&"); re-check the
            // exact double envelope (box3d is computed from the coordinates) as the GeoPackage source does.
            if (table.IsLonLat)
                sql.Append(" AND ST_XMin(").Append(geometry).Append("::box3d) <= @maxx AND ST_XMax(").Append(geometry).Append("::box3d) >= @minx")
                   .Append(" AND ST_YMin(").Append(geometry).Append("::box3d) <= @maxy AND ST_YMax(").Append(geometry).Append("::box3d) >= @miny");
        }
        if (!withBounds)
            sql.Append(" ORDER BY 1"); // whole-table reads page deterministically, like the GeoPackage source
        if (withLimit)
            sql.Append(" LIMIT @limit");
        return sql.ToString();
    }

    /// <summary>The query box (@minx…@maxy, lon/lat) in the table's SRID.</summary>
    private static string Envelope(PostGisTable table) => table.IsLonLat
        ? $"ST_MakeEnvelope(@minx, @miny, @maxx, @maxy, {table.Info.Srid})"
        // ST_Transform of a box moves its corners only; densifying first keeps the curved edges of the
        // projected box inside the result (ST_Segmentize, 1/32 of a side), then its envelope is used.
        : $"ST_Envelope(ST_Transform(ST_Segmentize(ST_MakeEnvelope(@minx, @miny, @maxx, @maxy, {SpatialReferences.Cgcs2000}), greatest(@maxx - @minx, @maxy - @miny) / 32), {table.Info.Srid}))";

    /// <summary>The feature's row id: the integer primary key, or (views, tables without one) a 60-bit
    /// hash of the geometry so the id stays stable across requests — unlike ctid, which changes with
    /// every update and VACUUM FULL.</summary>
    public static string RowId(PostGisTable table, string alias = "") => table.PrimaryKey is { } key
        ? $"{alias}{SqlIdentifier.Quote(key)}::int8"
        : $"('x' || substr(md5(ST_AsEWKB({alias}{table.QuotedGeometry})), 1, 15))::bit(60)::int8";
}

namespace TileServer.Sources.PostGis.Querying;

using System.Text;
using TileServer.Core.Features;
using TileServer.Sources.PostGis.Catalog;

/// <summary>Builds the statements behind <see cref="PostGisFeatureSource.QueryAsync"/> and
/// <see cref="PostGisFeatureSource.CountAsync"/>. Identifiers come from the catalogue and are quoted; the
/// box, the filter's literals, the limit and the offset are parameters (<see cref="PostgresFilterTranslator"/>).
/// The query and its count share one WHERE clause, so numberMatched always agrees with the pages.</summary>
internal static class FeatureQuerySql
{
    /// <summary>SELECT id, WKB, fields… The box is longitude/latitude and is transformed into the table's
    /// SRID when that differs, and the geometry back to CGCS2000, so every table answers in the same CRS.
    /// Rows are ordered by the sort keys (NULLs above every value: last ascending, first descending), then
    /// the row id, whenever the order can matter: a sort, an offset, a limit, or a whole-table read. A plain
    /// box scan (tiles) is left unordered.</summary>
    public static string Select(PostGisTable table, IReadOnlyList<FieldDefinition> fields, FeatureQuery query, PostgresFilterTranslator translator)
    {
        var geometry = table.QuotedGeometry;
        var output = table.HasZOrM ? $"ST_Force2D({geometry})" : geometry;
        if (!table.IsLonLat)
            output = $"ST_Transform({output}, {SpatialReferences.Cgcs2000})";

        var sql = new StringBuilder("SELECT ").Append(RowId(table)).Append(", ST_AsBinary(").Append(output).Append(')');
        foreach (var field in fields)
            sql.Append(", ").Append(SqlIdentifier.Quote(field.Name)).Append("::").Append(PostGisTypeNames.ToReadCast(field.Type));
        AppendFromWhere(sql, table, query, translator);

        if (query.IsRefined || query.Limit is not null || query.Bounds is null)
        {
            sql.Append(" ORDER BY ");
            foreach (var key in query.SortBy)
            {
                var column = PostgresFilterTranslator.Comparable(translator.Field(key.Field, "sortBy"));
                sql.Append(column).Append(key.Descending ? " DESC NULLS FIRST, " : " ASC NULLS LAST, ");
            }

            sql.Append(RowId(table));
        }

        if (query.Limit is { } limit)
            sql.Append(" LIMIT ").Append(translator.Add((long)limit));
        if (query.Offset > 0)
            sql.Append(" OFFSET ").Append(translator.Add(query.Offset));
        return sql.ToString();
    }

    public static string Count(PostGisTable table, FeatureQuery query, PostgresFilterTranslator translator)
    {
        if (query.CountLimit is { } cap)
        {
            // A LIMIT inside lets the scan stop at the cap instead of visiting every matching row.
            var capped = new StringBuilder("SELECT count(*) FROM (SELECT 1");
            AppendFromWhere(capped, table, query, translator);
            return capped.Append(" LIMIT ").Append(translator.Add(cap)).Append(") AS capped").ToString();
        }

        var sql = new StringBuilder("SELECT count(*)");
        AppendFromWhere(sql, table, query, translator);
        return sql.ToString();
    }

    /// <summary>The query box in the table's SRID, from four placeholders holding lon/lat.</summary>
    public static string Envelope(PostGisTable table, string minx, string miny, string maxx, string maxy) => table.IsLonLat
        ? $"ST_MakeEnvelope({minx}, {miny}, {maxx}, {maxy}, {table.Info.Srid})"
        // ST_Transform of a box moves its corners only; densifying first keeps the curved edges of the
        // projected box inside the result (ST_Segmentize, 1/32 of a side), then its envelope is used.
        : $"ST_Envelope(ST_Transform(ST_Segmentize(ST_MakeEnvelope({minx}, {miny}, {maxx}, {maxy}, {SpatialReferences.Cgcs2000}), greatest({maxx} - {minx}, {maxy} - {miny}) / 32), {table.Info.Srid}))";

    /// <summary>The feature's row id: the integer primary key, or (views, tables without one) a 60-bit
    /// hash of the geometry so the id stays stable across requests — unlike ctid, which changes with
    /// every update and VACUUM FULL.</summary>
    public static string RowId(PostGisTable table, string alias = "") => table.PrimaryKey is { } key
        ? $"{alias}{SqlIdentifier.Quote(key)}::int8"
        : $"('x' || substr(md5(ST_AsEWKB({alias}{table.QuotedGeometry})), 1, 15))::bit(60)::int8";

    private static void AppendFromWhere(StringBuilder sql, PostGisTable table, FeatureQuery query, PostgresFilterTranslator translator)
    {
        var geometry = table.QuotedGeometry;
        sql.Append(" FROM ").Append(table.QualifiedName).Append(" WHERE ").Append(geometry).Append(" IS NOT NULL AND NOT ST_IsEmpty(").Append(geometry).Append(')');
        if (query.Bounds is { } box)
        {
            var (minx, miny, maxx, maxy) = (translator.Add(box.MinX), translator.Add(box.MinY), translator.Add(box.MaxX), translator.Add(box.MaxY));
            sql.Append(" AND ").Append(geometry).Append(" && ").Append(Envelope(table, minx, miny, maxx, maxy));
            // && compares the index's float4 boxes, rounded outwards (PostGIS manual, "&&"); re-check the
            // exact double envelope (box3d is computed from the coordinates) as the GeoPackage source does.
            if (table.IsLonLat)
                sql.Append($" AND ST_XMin({geometry}::box3d) <= {maxx} AND ST_XMax({geometry}::box3d) >= {minx}")
                   .Append($" AND ST_YMin({geometry}::box3d) <= {maxy} AND ST_YMax({geometry}::box3d) >= {miny}");
        }

        if (query.Filter is { } filter)
            sql.Append(" AND ").Append(filter.Accept(translator));
    }
}

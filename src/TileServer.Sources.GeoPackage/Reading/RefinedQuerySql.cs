namespace TileServer.Sources.GeoPackage.Reading;

using System.Text;
using TileServer.Core.Errors;
using TileServer.Core.Features;
using TileServer.Sources.GeoPackage.Schema;

/// <summary>Builds the statements for queries with a filter, sort, offset or limit, and for counts. Every
/// condition — non-empty geometry, the bounds, the filter — is in the WHERE clause, so COUNT(*), ORDER BY,
/// LIMIT and OFFSET all see the same exact set of rows. Rows come ordered by the sort keys, then by the
/// primary key, so paging with offsets is stable (FES 2.0 §7.9; a limit alone means primary-key order).</summary>
internal static class RefinedQuerySql
{
    public static SqlStatement Select(GeoPackageTable table, IReadOnlyList<FieldDefinition> fields, FeatureQuery query)
    {
        var translator = new SqliteFilterTranslator(table);
        var sql = new StringBuilder("SELECT t.").Append(SqlIdentifier.Quote(table.IdColumn))
            .Append(", t.").Append(SqlIdentifier.Quote(table.Info.GeometryColumn));
        foreach (var field in fields)
            sql.Append(", ").Append(SqliteFilterTranslator.Column(field));
        sql.Append(" FROM ").Append(SqlIdentifier.Quote(table.Info.Table)).Append(" AS t WHERE ");
        AppendWhere(sql, table, query, translator);

        // SQLite puts NULLs first in ascending order and PostgreSQL last; both sources sort NULLs as larger
        // than any value (last ascending, first descending) so that the two answer alike.
        sql.Append(" ORDER BY ");
        foreach (var key in query.SortBy)
        {
            var column = SqliteFilterTranslator.Column(Sortable(translator, key.Field));
            sql.Append(column).Append(key.Descending ? " DESC NULLS FIRST, " : " ASC NULLS LAST, ");
        }

        sql.Append("t.").Append(SqlIdentifier.Quote(table.IdColumn));
        if (query.Limit is not null || query.Offset > 0)
        {
            // LIMIT -1 is SQLite's "no limit", needed when only an offset is given.
            sql.Append(" LIMIT ").Append(translator.Add(query.Limit is { } limit ? (long)limit : -1L))
               .Append(" OFFSET ").Append(translator.Add(query.Offset));
        }

        return new SqlStatement(sql.ToString(), translator.Parameters);
    }

    public static SqlStatement Count(GeoPackageTable table, FeatureQuery query)
    {
        var translator = new SqliteFilterTranslator(table);
        // With a cap, the LIMIT inside stops the scan there instead of visiting every matching row.
        var sql = new StringBuilder(query.CountLimit is null ? "SELECT COUNT(*) FROM " : "SELECT COUNT(*) FROM (SELECT 1 FROM ")
            .Append(SqlIdentifier.Quote(table.Info.Table)).Append(" AS t WHERE ");
        AppendWhere(sql, table, query, translator);
        if (query.CountLimit is { } cap)
            sql.Append(" LIMIT ").Append(translator.Add(cap)).Append(") AS capped");
        return new SqlStatement(sql.ToString(), translator.Parameters);
    }

    private static void AppendWhere(StringBuilder sql, GeoPackageTable table, FeatureQuery query, SqliteFilterTranslator translator)
    {
        var geometry = "t." + SqlIdentifier.Quote(table.Info.GeometryColumn);
        sql.Append(geometry).Append(" IS NOT NULL AND ts_is_empty(").Append(geometry).Append(") = 0");
        if (query.Bounds is { } box)
        {
            var minx = translator.Add(box.MinX);
            var miny = translator.Add(box.MinY);
            var maxx = translator.Add(box.MaxX);
            var maxy = translator.Add(box.MaxY);
            if (table.RTreeTable is { } rtree)
            {
                sql.Append(" AND t.").Append(SqlIdentifier.Quote(table.IdColumn)).Append(" IN (SELECT id FROM ").Append(SqlIdentifier.Quote(rtree))
                   .Append($" WHERE maxx >= {minx} AND minx <= {maxx} AND maxy >= {miny} AND miny <= {maxy})");
            }

            sql.Append($" AND ts_envelope_meets({geometry}, {minx}, {miny}, {maxx}, {maxy}) = 1");
        }

        if (query.Filter is { } filter)
            sql.Append(" AND ").Append(filter.Accept(translator));
    }

    private static FieldDefinition Sortable(SqliteFilterTranslator translator, string name)
    {
        try
        {
            return translator.Field(name);
        }
        catch (InvalidParameterException e)
        {
            throw new InvalidParameterException("sortBy", e.Message);
        }
    }
}

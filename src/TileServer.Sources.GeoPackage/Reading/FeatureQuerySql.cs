namespace TileServer.Sources.GeoPackage.Reading;

using TileServer.Sources.GeoPackage.Schema;

/// <summary>Builds the SELECT for a feature query. Identifiers come only from the catalogue
/// (<see cref="GeoPackageTable"/>); bounds (@minx, @miny, @maxx, @maxy) are bound as
/// parameters. Columns: id, geometry, the requested columns, then — on the R-tree path only, unless left out — the
/// R-tree box (minx, maxx, miny, maxy), which spares most rows an exact envelope computation.</summary>
internal static class FeatureQuerySql
{
    public static string Build(GeoPackageTable table, IReadOnlyList<string> columns, bool useBounds, bool selectIndexBox = true)
    {
        var t = SqlIdentifier.Quote(table.Info.Table);
        var id = SqlIdentifier.Quote(table.IdColumn);
        var geometry = SqlIdentifier.Quote(table.Info.GeometryColumn);
        var selected = string.Join("", columns.Select(c => ", t." + SqlIdentifier.Quote(c)));
        var select = $"SELECT t.{id}, t.{geometry}{selected}";

        if (useBounds && table.RTreeTable is { } rtree)
        {
            // CROSS JOIN keeps the R-tree as the outer loop, so SQLite answers the box from the index
            // (GeoPackage 1.3 F.3) and looks rows up by primary key.
            // The R-tree box columns are left out when the caller does not need exact envelopes (a renderer).
            var box = selectIndexBox ? ", r.minx, r.maxx, r.miny, r.maxy" : "";
            return $"{select}{box} FROM {SqlIdentifier.Quote(rtree)} AS r CROSS JOIN {t} AS t " +
                   $"WHERE t.{id} = r.id AND r.maxx >= @minx AND r.minx <= @maxx AND r.maxy >= @miny AND r.miny <= @maxy";
        }

        // Without an index, or without bounds, scan in primary-key order; bounds are checked per row.
        // No LIMIT clause: empty geometries are skipped after reading, and the caller stops stepping
        // once it has enough rows, which costs nothing extra because rowid order needs no sort.
        return $"{select} FROM {t} AS t WHERE t.{geometry} IS NOT NULL ORDER BY t.{id}";
    }
}

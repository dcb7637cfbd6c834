namespace TileServer.Sources.GeoPackage.Schema;

/// <summary>SQL of the R-tree spatial index extension (GeoPackage 1.3 Annex F.3, "gpkg_rtree_index")
/// for one feature table: the virtual table and the maintenance triggers.</summary>
internal static class RTreeIndexSql
{
    public static string CreateVirtualTable(string table, string geometryColumn) =>
        $"CREATE VIRTUAL TABLE {SqlIdentifier.Quote(SqlIdentifier.RTreeTableName(table, geometryColumn))} USING rtree(id, minx, maxx, miny, maxy)";

    public static string Insert(string table, string geometryColumn) =>
        $"INSERT INTO {SqlIdentifier.Quote(SqlIdentifier.RTreeTableName(table, geometryColumn))} (id, minx, maxx, miny, maxy) VALUES (@id, @minx, @maxx, @miny, @maxy)";

    /// <summary>The six triggers of GeoPackage 1.3 Annex F.3 ("gpkg_rtree_index"): insert, update1,
    /// update2, update3, update4 and delete. 1.4 replaced update1/update3 with update5-7, but GDAL 3.6
    /// (Debian 12) warns on 1.4 files and its validate_gpkg.py requires update1-update4, so the writer
    /// targets 1.3 and emits exactly that set. Readers use the index, never the triggers, so files
    /// from other tools with either set still read.</summary>
    public static IReadOnlyList<string> CreateTriggers(string table, string geometryColumn, string idColumn)
    {
        var rtreeName = SqlIdentifier.RTreeTableName(table, geometryColumn);
        var rtree = SqlIdentifier.Quote(rtreeName);
        var t = SqlIdentifier.Quote(table);
        var c = SqlIdentifier.Quote(geometryColumn);
        var i = SqlIdentifier.Quote(idColumn);
        string Name(string suffix) => SqlIdentifier.Quote($"{rtreeName}_{suffix}");
        var newEntry = $"VALUES (NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c}))";
        var newIsSet = $"(NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))";
        var newIsUnset = $"(NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))";

        return
        [
            // Insertion of a non-empty geometry: index it.
            $"CREATE TRIGGER {Name("insert")} AFTER INSERT ON {t} WHEN {newIsSet} " +
            $"BEGIN INSERT OR REPLACE INTO {rtree} {newEntry}; END",

            // Same row id, geometry set to a non-empty one: add or replace the entry. INSERT OR REPLACE
            // covers both the moved geometry and a NULL/empty geometry being restored.
            $"CREATE TRIGGER {Name("update1")} AFTER UPDATE OF {c} ON {t} WHEN OLD.{i} = NEW.{i} AND {newIsSet} " +
            $"BEGIN INSERT OR REPLACE INTO {rtree} {newEntry}; END",

            // Same row id, geometry becomes NULL or empty: drop it from the index.
            $"CREATE TRIGGER {Name("update2")} AFTER UPDATE OF {c} ON {t} WHEN OLD.{i} = NEW.{i} AND {newIsUnset} " +
            $"BEGIN DELETE FROM {rtree} WHERE id = OLD.{i}; END",

            // Row id changes, geometry non-empty: move the entry to the new id.
            $"CREATE TRIGGER {Name("update3")} AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND {newIsSet} " +
            $"BEGIN DELETE FROM {rtree} WHERE id = OLD.{i}; INSERT OR REPLACE INTO {rtree} {newEntry}; END",

            // Row id changes, geometry NULL or empty: remove both ids.
            $"CREATE TRIGGER {Name("update4")} AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND {newIsUnset} " +
            $"BEGIN DELETE FROM {rtree} WHERE id IN (OLD.{i}, NEW.{i}); END",

            // Row deleted: remove its entry.
            $"CREATE TRIGGER {Name("delete")} AFTER DELETE ON {t} WHEN OLD.{c} NOT NULL " +
            $"BEGIN DELETE FROM {rtree} WHERE id = OLD.{i}; END",
        ];
    }
}

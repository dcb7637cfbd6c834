namespace TileServer.Sources.GeoPackage.Schema;

/// <summary>SQL of the R-tree spatial index extension (GeoPackage 1.4 Annex F.3, "gpkg_rtree_index")
/// for one feature table: the virtual table and the maintenance triggers.</summary>
internal static class RTreeIndexSql
{
    public static string CreateVirtualTable(string table, string geometryColumn) =>
        $"CREATE VIRTUAL TABLE {SqlIdentifier.Quote(SqlIdentifier.RTreeTableName(table, geometryColumn))} USING rtree(id, minx, maxx, miny, maxy)";

    public static string Insert(string table, string geometryColumn) =>
        $"INSERT INTO {SqlIdentifier.Quote(SqlIdentifier.RTreeTableName(table, geometryColumn))} (id, minx, maxx, miny, maxy) VALUES (@id, @minx, @maxx, @miny, @maxy)";

    /// <summary>The triggers of GeoPackage 1.4 F.3: insert, update2, update4, update5, update6,
    /// update7 and delete. 1.4 deprecates update1 and update3 of 1.2/1.3 (they replaced R-tree rows
    /// with INSERT OR REPLACE on every geometry update); update5-7 supersede them.</summary>
    public static IReadOnlyList<string> CreateTriggers(string table, string geometryColumn, string idColumn)
    {
        var rtreeName = SqlIdentifier.RTreeTableName(table, geometryColumn);
        var rtree = SqlIdentifier.Quote(rtreeName);
        var t = SqlIdentifier.Quote(table);
        var c = SqlIdentifier.Quote(geometryColumn);
        var i = SqlIdentifier.Quote(idColumn);
        string Name(string suffix) => SqlIdentifier.Quote($"{rtreeName}_{suffix}");
        string Bounds(string row) => $"ST_MinX({row}.{c}), ST_MaxX({row}.{c}), ST_MinY({row}.{c}), ST_MaxY({row}.{c})";
        var newIsSet = $"(NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))";
        var newIsUnset = $"(NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))";
        var oldIsSet = $"(OLD.{c} NOTNULL AND NOT ST_IsEmpty(OLD.{c}))";
        var oldIsUnset = $"(OLD.{c} ISNULL OR ST_IsEmpty(OLD.{c}))";

        return
        [
            // Insertion of a non-empty geometry: index it.
            $"CREATE TRIGGER {Name("insert")} AFTER INSERT ON {t} WHEN {newIsSet} " +
            $"BEGIN INSERT OR REPLACE INTO {rtree} VALUES (NEW.{i}, {Bounds("NEW")}); END",

            // Same row id, geometry becomes NULL or empty: drop it from the index.
            $"CREATE TRIGGER {Name("update2")} AFTER UPDATE OF {c} ON {t} WHEN OLD.{i} = NEW.{i} AND {newIsUnset} " +
            $"BEGIN DELETE FROM {rtree} WHERE id = OLD.{i}; END",

            // Row id changes, geometry NULL or empty: remove both ids.
            $"CREATE TRIGGER {Name("update4")} AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND {newIsUnset} " +
            $"BEGIN DELETE FROM {rtree} WHERE id IN (OLD.{i}, NEW.{i}); END",

            // Row id changes, geometry non-empty: move the entry to the new id.
            $"CREATE TRIGGER {Name("update5")} AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND {newIsSet} " +
            $"BEGIN DELETE FROM {rtree} WHERE id = OLD.{i}; INSERT OR REPLACE INTO {rtree} VALUES (NEW.{i}, {Bounds("NEW")}); END",

            // Same row id, non-empty geometry replaced by a non-empty one: update the entry in place.
            $"CREATE TRIGGER {Name("update6")} AFTER UPDATE OF {c} ON {t} WHEN OLD.{i} = NEW.{i} AND {newIsSet} AND {oldIsSet} " +
            $"BEGIN UPDATE {rtree} SET minx = ST_MinX(NEW.{c}), maxx = ST_MaxX(NEW.{c}), miny = ST_MinY(NEW.{c}), maxy = ST_MaxY(NEW.{c}) WHERE id = NEW.{i}; END",

            // Same row id, NULL or empty geometry replaced by a non-empty one: add an entry.
            $"CREATE TRIGGER {Name("update7")} AFTER UPDATE OF {c} ON {t} WHEN OLD.{i} = NEW.{i} AND {newIsSet} AND {oldIsUnset} " +
            $"BEGIN INSERT INTO {rtree} VALUES (NEW.{i}, {Bounds("NEW")}); END",

            // Row deleted: remove its entry.
            $"CREATE TRIGGER {Name("delete")} AFTER DELETE ON {t} WHEN OLD.{c} NOT NULL " +
            $"BEGIN DELETE FROM {rtree} WHERE id = OLD.{i}; END",
        ];
    }
}

namespace TileServer.Sources.PostGis.Changes;

using TileServer.Sources.PostGis.Catalog;

/// <summary>The SQL of the change triggers. One statement-level trigger per operation reads the statement's
/// transition tables (PostgreSQL 15 docs, CREATE TRIGGER: REFERENCING OLD/NEW TABLE, which must name one event
/// per trigger) and sends one NOTIFY per statement with the old and new bounding boxes of the changed rows in
/// EPSG:4490. A statement touching many rows sends the extent of all of them instead, so the payload stays
/// far below NOTIFY's 8000-byte limit.</summary>
internal static class ChangeTriggerSql
{
    public const string Channel = "tileserver_changes";

    public const string FunctionName = "tileserver_notify_change";

    /// <summary>Above this many changed rows a statement reports one box around them all.</summary>
    public const int MaxBoxesPerNotification = 64;

    // The EXCEPTION block matters: a trigger must never make the user's write fail, so anything unexpected
    // (a geometry without SRID, a missing PostGIS function) degrades to "the whole table changed".
    public static readonly string Function = $$"""
        CREATE OR REPLACE FUNCTION public.{{FunctionName}}() RETURNS trigger
        LANGUAGE plpgsql AS $body$
        DECLARE
          changed text;
          payload json;
        BEGIN
          IF TG_OP = 'TRUNCATE' THEN
            PERFORM pg_notify('{{Channel}}', json_build_object('schema', TG_TABLE_SCHEMA, 'table', TG_TABLE_NAME, 'whole', true)::text);
            RETURN NULL;
          END IF;
          changed := CASE TG_OP
            WHEN 'INSERT' THEN format('SELECT %1$I::geometry AS g FROM tileserver_new', TG_ARGV[0])
            WHEN 'DELETE' THEN format('SELECT %1$I::geometry AS g FROM tileserver_old', TG_ARGV[0])
            ELSE format('SELECT %1$I::geometry AS g FROM tileserver_old UNION ALL SELECT %1$I::geometry FROM tileserver_new', TG_ARGV[0])
          END;
          BEGIN
            EXECUTE format($q$
              WITH boxes AS (
                SELECT CASE WHEN ST_SRID(g) = 4490 THEN ST_Envelope(g) ELSE ST_Transform(ST_Envelope(g), 4490) END AS b
                FROM (%s) AS c WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)),
              n AS (SELECT count(*) AS k FROM boxes)
              SELECT json_build_object('schema', $1, 'table', $2, 'boxes',
                CASE WHEN (SELECT k FROM n) = 0 THEN '[]'::json
                     WHEN (SELECT k FROM n) <= {{MaxBoxesPerNotification}} THEN
                       (SELECT json_agg(json_build_array(ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b))) FROM boxes)
                     ELSE (SELECT json_build_array(json_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)))
                           FROM (SELECT ST_Extent(b)::geometry AS e FROM boxes) AS x)
                END)
            $q$, changed) INTO payload USING TG_TABLE_SCHEMA, TG_TABLE_NAME;
          EXCEPTION WHEN OTHERS THEN
            payload := json_build_object('schema', TG_TABLE_SCHEMA, 'table', TG_TABLE_NAME, 'whole', true);
          END;
          IF (payload ->> 'whole') IS NOT NULL OR json_array_length(payload -> 'boxes') > 0 THEN
            PERFORM pg_notify('{{Channel}}', payload::text);
          END IF;
          RETURN NULL;
        END
        $body$
        """;

    /// <summary>Only ordinary and partitioned tables take these triggers (views and materialized views cannot).</summary>
    public const string IsTriggerableSql = "SELECT coalesce((SELECT relkind IN ('r', 'p') FROM pg_class WHERE oid = to_regclass(@name)), false)";

    /// <summary>Replaces the table's four triggers (idempotent; run in one transaction).</summary>
    public static string Triggers(PostGisTable table)
    {
        string on = table.QualifiedName;
        // Trigger arguments are string literals (CREATE TRIGGER): the column name, quotes doubled.
        string column = "'" + table.Info.GeometryColumn.Replace("'", "''", StringComparison.Ordinal) + "'";
        string call = $"EXECUTE FUNCTION public.{FunctionName}({column})";
        return $"""
            DROP TRIGGER IF EXISTS tileserver_change_insert ON {on};
            DROP TRIGGER IF EXISTS tileserver_change_update ON {on};
            DROP TRIGGER IF EXISTS tileserver_change_delete ON {on};
            DROP TRIGGER IF EXISTS tileserver_change_truncate ON {on};
            CREATE TRIGGER tileserver_change_insert AFTER INSERT ON {on} REFERENCING NEW TABLE AS tileserver_new FOR EACH STATEMENT {call};
            CREATE TRIGGER tileserver_change_update AFTER UPDATE ON {on} REFERENCING OLD TABLE AS tileserver_old NEW TABLE AS tileserver_new FOR EACH STATEMENT {call};
            CREATE TRIGGER tileserver_change_delete AFTER DELETE ON {on} REFERENCING OLD TABLE AS tileserver_old FOR EACH STATEMENT {call};
            CREATE TRIGGER tileserver_change_truncate AFTER TRUNCATE ON {on} FOR EACH STATEMENT {call};
            """;
    }
}

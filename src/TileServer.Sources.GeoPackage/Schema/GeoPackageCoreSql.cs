namespace TileServer.Sources.GeoPackage.Schema;

/// <summary>DDL of the core GeoPackage 1.3 tables, as given in Annex C "Table Definition SQL".</summary>
internal static class GeoPackageCoreSql
{
    /// <summary>'GPKG' in ASCII (GeoPackage 1.3 Requirement 2).</summary>
    public const int ApplicationId = 0x47504B47;

    /// <summary>1.3.0 as MMmmpp (GeoPackage 1.3 Requirement 2). Not 1.4: GDAL 3.6 (Debian 12) warns that
    /// 1.4 files "may only be partially supported", and 1.3 is all this writer uses.</summary>
    public const int UserVersion = 10300;

    public const string RTreeExtensionName = "gpkg_rtree_index";
    public const string RTreeExtensionDefinition = "http://www.geopackage.org/spec/#extension_rtree";

    public const string CreateSpatialRefSys = """
        CREATE TABLE gpkg_spatial_ref_sys (
          srs_name TEXT NOT NULL,
          srs_id INTEGER PRIMARY KEY,
          organization TEXT NOT NULL,
          organization_coordsys_id INTEGER NOT NULL,
          definition TEXT NOT NULL,
          description TEXT
        )
        """;

    public const string CreateContents = """
        CREATE TABLE gpkg_contents (
          table_name TEXT NOT NULL PRIMARY KEY,
          data_type TEXT NOT NULL,
          identifier TEXT UNIQUE,
          description TEXT DEFAULT '',
          last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE,
          min_y DOUBLE,
          max_x DOUBLE,
          max_y DOUBLE,
          srs_id INTEGER,
          CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
        )
        """;

    public const string CreateGeometryColumns = """
        CREATE TABLE gpkg_geometry_columns (
          table_name TEXT NOT NULL,
          column_name TEXT NOT NULL,
          geometry_type_name TEXT NOT NULL,
          srs_id INTEGER NOT NULL,
          z TINYINT NOT NULL,
          m TINYINT NOT NULL,
          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
          CONSTRAINT uk_gc_table_name UNIQUE (table_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
        )
        """;

    public const string CreateExtensions = """
        CREATE TABLE gpkg_extensions (
          table_name TEXT,
          column_name TEXT,
          extension_name TEXT NOT NULL,
          definition TEXT NOT NULL,
          scope TEXT NOT NULL,
          CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
        )
        """;

    public const string InsertSpatialRefSys = """
        INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description)
        VALUES (@name, @id, @organization, @code, @definition, @description)
        """;

    public const string InsertContents = """
        INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
        VALUES (@table, 'features', @identifier, @description, @minx, @miny, @maxx, @maxy, @srid)
        """;

    public const string InsertGeometryColumn = """
        INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)
        VALUES (@table, @column, @type, @srid, 0, 0)
        """;

    public const string InsertExtension = """
        INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope)
        VALUES (@table, @column, @name, @definition, 'write-only')
        """;
}

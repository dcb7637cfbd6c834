namespace TileServer.Sources.GeoPackage.Tests.Writing;

using TileServer.Core.Features;
using TileServer.Sources.GeoPackage.Tests.Support;

/// <summary>Checks the written file with plain SQL against GeoPackage 1.3's core and R-tree tables.</summary>
public sealed class GeoPackageWriterCatalogueTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly string path;
    private readonly FeatureLayerData parcels = SampleLayers.Parcels(200);
    private readonly FeatureLayerData roads = SampleLayers.Roads(50);
    private readonly FeatureLayerData wells = SampleLayers.Wells(30);

    public GeoPackageWriterCatalogueTests()
    {
        path = directory.File("plan.gpkg");
        GeoPackageWriter.Write(path, [parcels, roads, wells]);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Header_pragmas_identify_a_geopackage_1_3_and_the_file_is_intact()
    {
        using var connection = Sql.Open(path);

        Assert.Equal(0x47504B47L, Sql.Scalar(connection, "PRAGMA application_id"));
        Assert.Equal(10300L, Sql.Scalar(connection, "PRAGMA user_version"));
        Assert.Equal("ok", Sql.Scalar(connection, "PRAGMA integrity_check"));
        Assert.Equal("delete", Sql.Scalar(connection, "PRAGMA journal_mode"));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Spatial_ref_sys_holds_the_required_rows_and_every_layer_srid()
    {
        using var connection = Sql.Open(path);

        var rows = Sql.Rows(connection, "SELECT srs_id, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys ORDER BY srs_id");

        Assert.Equal([-1L, 0L, 4326L, 4490L], rows.Select(r => r[0]));
        Assert.Equal("undefined", rows[0][3]);
        Assert.Equal("undefined", rows[1][3]);
        Assert.Equal("EPSG", rows[3][1]);
        Assert.Equal(4490L, rows[3][2]);
        var cgcs2000 = (string)rows[3][3]!;
        Assert.StartsWith("GEOGCS[\"China Geodetic Coordinate System 2000\"", cgcs2000);
        Assert.Contains("298.257222101", cgcs2000);
        Assert.EndsWith("AUTHORITY[\"EPSG\",\"4490\"]]", cgcs2000);
    }

    [Fact]
    public void Contents_describe_each_layer_with_its_title_description_srid_and_data_extent()
    {
        using var connection = Sql.Open(path);

        var rows = Sql.Rows(connection,
            "SELECT table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id, last_change FROM gpkg_contents ORDER BY table_name");

        Assert.Equal(["parcels", "roads", "wells"], rows.Select(r => (string)r[0]!));
        Assert.All(rows, r => Assert.Equal("features", r[1]));
        Assert.Equal("地块", rows[0][2]);
        Assert.Equal("测试用地块图层", rows[0][3]);
        Assert.Equal("wells", rows[2][2]); // no title: the table name identifies it
        Assert.Equal(4490L, rows[0][8]);
        Assert.Equal(4326L, rows[2][8]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", (string)rows[0][9]!);

        var envelopes = parcels.Features.Select(f => f.Geometry.EnvelopeInternal).ToList();
        Assert.Equal(envelopes.Min(e => e.MinX), (double)rows[0][4]!);
        Assert.Equal(envelopes.Min(e => e.MinY), (double)rows[0][5]!);
        Assert.Equal(envelopes.Max(e => e.MaxX), (double)rows[0][6]!);
        Assert.Equal(envelopes.Max(e => e.MaxY), (double)rows[0][7]!);
    }

    [Fact]
    public void Geometry_columns_declare_type_srid_and_no_z_or_m()
    {
        using var connection = Sql.Open(path);

        var rows = Sql.Rows(connection, "SELECT table_name, column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns ORDER BY table_name");

        Assert.Equal(["parcels", "geom", "POLYGON", 4490L, 0L, 0L], rows[0]);
        Assert.Equal(["roads", "geom", "LINESTRING", 4490L, 0L, 0L], rows[1]);
        Assert.Equal(["wells", "geom", "POINT", 4326L, 0L, 0L], rows[2]);
    }

    [Fact]
    public void Feature_tables_have_fid_geom_then_lowercase_fields()
    {
        using var connection = Sql.Open(path);

        var columns = Sql.Rows(connection, "SELECT name, type, pk FROM pragma_table_info('parcels') ORDER BY cid");
        var autoincrement = Sql.Scalar(connection, "SELECT sql FROM sqlite_master WHERE name = 'parcels'");

        Assert.Equal(["fid", "INTEGER", 1L], columns[0]);
        Assert.Equal(["geom", "POLYGON", 0L], columns[1]);
        Assert.Equal(["dlbm", "TEXT", 0L], columns[2]);
        Assert.Equal(["bsm", "INTEGER", 0L], columns[3]);
        Assert.Equal(["mj", "REAL", 0L], columns[4]);
        Assert.Contains("AUTOINCREMENT", (string)autoincrement!);
        Assert.Equal(200L, Sql.Scalar(connection, "SELECT COUNT(*) FROM parcels"));
    }

    [Fact]
    public void Rtree_extension_is_registered_populated_and_guarded_by_triggers()
    {
        using var connection = Sql.Open(path);

        var extensions = Sql.Rows(connection, "SELECT table_name, column_name, extension_name, definition, scope FROM gpkg_extensions ORDER BY table_name");
        Assert.Equal(3, extensions.Count);
        Assert.Equal(["parcels", "geom", "gpkg_rtree_index", "http://www.geopackage.org/spec/#extension_rtree", "write-only"], extensions[0]);

        Assert.Equal(200L, Sql.Scalar(connection, "SELECT COUNT(*) FROM rtree_parcels_geom"));
        Assert.Equal(50L, Sql.Scalar(connection, "SELECT COUNT(*) FROM rtree_roads_geom"));
        Assert.Contains("USING rtree(id, minx, maxx, miny, maxy)", (string)Sql.Scalar(connection, "SELECT sql FROM sqlite_master WHERE name = 'rtree_wells_geom'")!);

        var triggers = Sql.Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'parcels' ORDER BY name")
            .Select(r => (string)r[0]!);
        Assert.Equal(
            new[] { "delete", "insert", "update1", "update2", "update3", "update4" }.Select(s => "rtree_parcels_geom_" + s),
            triggers);

        // The index matches each row's envelope (R-tree coordinates are 32-bit, rounded outwards).
        var first = parcels.Features[0].Geometry.EnvelopeInternal;
        var entry = Sql.Rows(connection, "SELECT minx, maxx, miny, maxy FROM rtree_parcels_geom WHERE id = 1")[0];
        Assert.InRange((double)entry[0]!, first.MinX - 1e-4, first.MinX);
        Assert.InRange((double)entry[1]!, first.MaxX, first.MaxX + 1e-4);
        Assert.InRange((double)entry[2]!, first.MinY - 1e-4, first.MinY);
        Assert.InRange((double)entry[3]!, first.MaxY, first.MaxY + 1e-4);
    }
}

namespace TileServer.Sources.GeoPackage.Tests.Reading;

using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Binary;
using TileServer.Sources.GeoPackage.Tests.Support;

/// <summary>The GeoPackage 1.3 F.3 triggers keep the index in step with edits made by other tools:
/// update1 (geometry replaced or restored), update2 (set NULL), update3 (fid change), update4 (fid
/// change of a row without geometry), insert and delete.</summary>
public sealed class RTreeTriggerTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly string path;

    public RTreeTriggerTests()
    {
        path = directory.File("edit.gpkg");
        GeoPackageWriter.Write(path, [SampleLayers.Parcels(50)]);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Updating_a_geometry_moves_its_index_entry()
    {
        var moved = SampleLayers.Factory.CreatePolygon([new(0, 0), new(1, 0), new(1, 1), new(0, 0)]);
        using (var connection = Sql.Open(path, writable: true))
        {
            GeoPackageSqlFunctions.Register(connection);
            Sql.Execute(connection, "UPDATE parcels SET geom = @geom WHERE fid = 5", ("@geom", GeoPackageBinary.Encode(moved, 4490)));
            Assert.Equal([5L, 0.0, 1.0, 0.0, 1.0], Sql.Rows(connection, "SELECT id, minx, maxx, miny, maxy FROM rtree_parcels_geom WHERE id = 5")[0]);
            Assert.Equal(50L, Sql.Scalar(connection, "SELECT COUNT(*) FROM rtree_parcels_geom"));
        }

        using var source = new GeoPackageFeatureSource("p", path);
        var atNewPlace = await source.ToListAsync(new FeatureQuery("parcels", new BoundingBox(0.5, 0.5, 0.6, 0.6), []));
        Assert.Equal([5L], atNewPlace.Select(r => r.Fid));
    }

    [Fact]
    public void Deleting_rows_and_nulling_geometries_remove_index_entries()
    {
        using var connection = Sql.Open(path, writable: true);
        GeoPackageSqlFunctions.Register(connection);

        Sql.Execute(connection, "DELETE FROM parcels WHERE fid IN (1, 2)");
        Sql.Execute(connection, "UPDATE parcels SET geom = NULL WHERE fid = 3");

        Assert.Equal(47L, Sql.Scalar(connection, "SELECT COUNT(*) FROM rtree_parcels_geom"));
        Assert.Equal(0L, Sql.Scalar(connection, "SELECT COUNT(*) FROM rtree_parcels_geom WHERE id IN (1, 2, 3)"));
    }

    [Fact]
    public void Restoring_a_geometry_inserting_rows_and_changing_ids_keep_the_index_consistent()
    {
        using var connection = Sql.Open(path, writable: true);
        GeoPackageSqlFunctions.Register(connection);

        Sql.Execute(connection, "UPDATE parcels SET geom = NULL WHERE fid = 3");
        Sql.Execute(connection, "UPDATE parcels SET geom = (SELECT geom FROM parcels WHERE fid = 4) WHERE fid = 3");
        Sql.Execute(connection, "INSERT INTO parcels (geom, dlbm) SELECT geom, 'copy' FROM parcels WHERE fid = 6");
        Sql.Execute(connection, "UPDATE parcels SET fid = 1000 WHERE fid = 7");
        Sql.Execute(connection, "UPDATE parcels SET geom = NULL WHERE fid = 8");
        Sql.Execute(connection, "UPDATE parcels SET fid = 2000 WHERE fid = 8");

        Assert.Equal(50L, Sql.Scalar(connection, "SELECT COUNT(*) FROM rtree_parcels_geom"));
        Assert.Equal(0L, Sql.Scalar(connection, "SELECT COUNT(*) FROM rtree_parcels_geom WHERE id IN (7, 8, 2000)"));
        Assert.Equal(1L, Sql.Scalar(connection, "SELECT COUNT(*) FROM rtree_parcels_geom WHERE id = 1000"));
        // Every row with a geometry has exactly the entry its header envelope implies.
        var mismatches = Sql.Scalar(connection, """
            SELECT COUNT(*) FROM parcels p LEFT JOIN rtree_parcels_geom r ON r.id = p.fid
            WHERE (p.geom IS NOT NULL AND r.id IS NULL) OR r.minx > ST_MinX(p.geom) OR r.maxx < ST_MaxX(p.geom)
               OR r.miny > ST_MinY(p.geom) OR r.maxy < ST_MaxY(p.geom)
               OR ST_MinX(p.geom) - r.minx > 1e-4 OR r.maxy - ST_MaxY(p.geom) > 1e-4
            """);
        Assert.Equal(0L, mismatches);
    }
}

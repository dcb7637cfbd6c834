namespace TileServer.Sources.PostGis.Tests;

using TileServer.Core.Features;

[Collection(PostGisCollection.Name)]
public sealed class DiscoveryTests(PostGisDatabaseFixture database)
{
    [Fact]
    public async Task Lists_tables_and_views_with_columns_srid_extent_and_count()
    {
        var parcels = await PostGisLayerSetup.ImportParcelsAsync(database, 100);
        var view = parcels + "_v";
        var projected = parcels + "_gk";
        var s = database.Schema;
        await database.ExecuteAsync($"""
            CREATE VIEW {s}.{view} AS SELECT fid, bsm, mj, geom FROM {s}.{parcels} WHERE xh < 50;
            CREATE TABLE {s}.{projected} (gid serial PRIMARY KEY, name varchar(20), code int4, ratio numeric, created date, shape geometry(Polygon, 4547));
            INSERT INTO {s}.{projected} (name, code, ratio, created, shape)
                SELECT 'p', 1, 0.5, now(), ST_Transform(ST_GeometryN(geom, 1), 4547) FROM {s}.{parcels} WHERE fid <= 10;
            ANALYZE {s}.{parcels};
            """);

        using var source = new PostGisFeatureSource("db", PostGisLayerSetup.Options(database));
        var table = source.Layers.Single(l => l.Table == $"{s}.{parcels}");
        Assert.Equal(("geom", GeometryKind.MultiPolygon, 4490, 100L), (table.GeometryColumn, table.GeometryKind, table.Srid, table.FeatureCount));
        Assert.Equal(["bsm:Text", "dlbm:Text", "mj:Real", "xh:Integer"], table.Fields.Select(f => $"{f.Name}:{f.Type}"));
        var exact = await database.ScalarAsync<string>($"SELECT ST_XMin(e)||' '||ST_YMin(e)||' '||ST_XMax(e)||' '||ST_YMax(e) FROM (SELECT ST_Extent(geom) e FROM {s}.{parcels}) x");
        var bounds = exact.Split(' ').Select(double.Parse).ToArray();
        // ST_EstimatedExtent comes from statistics: close to, and not smaller than, the exact extent.
        Assert.InRange(table.Extent.MinX, bounds[0] - 0.01, bounds[0] + 1e-9);
        Assert.InRange(table.Extent.MaxY, bounds[3] - 1e-9, bounds[3] + 0.01);

        var viewInfo = source.Layers.Single(l => l.Table == $"{s}.{view}");
        Assert.Equal(["bsm:Text", "mj:Real"], viewInfo.Fields.Where(f => f.Name != "fid").Select(f => $"{f.Name}:{f.Type}"));
        Assert.Equal(50L, viewInfo.FeatureCount);

        var gk = source.Layers.Single(l => l.Table == $"{s}.{projected}");
        Assert.Equal((4547, GeometryKind.Polygon, "shape"), (gk.Srid, gk.GeometryKind, gk.GeometryColumn));
        Assert.Equal(["name:Text", "code:Integer", "ratio:Real"], gk.Fields.Select(f => $"{f.Name}:{f.Type}"));
        // The extent of a projected table is reported in longitude/latitude.
        Assert.InRange(gk.Extent.MinX, 118.5, 118.8);
        Assert.InRange(gk.Extent.MinY, 40.8, 41.0);
    }

    [Fact]
    public async Task A_table_the_role_cannot_read_is_not_listed()
    {
        var readable = await PostGisLayerSetup.ImportParcelsAsync(database, 10);
        var hidden = await PostGisLayerSetup.ImportParcelsAsync(database, 10);
        var role = "ts_reader_" + Guid.NewGuid().ToString("N")[..8];
        var s = database.Schema;
        await database.ExecuteAsync($"""
            CREATE ROLE {role} LOGIN PASSWORD 'reader-secret';
            GRANT USAGE ON SCHEMA {s} TO {role};
            GRANT SELECT ON {s}.{readable} TO {role};
            """);
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role, Password = "reader-secret" };
            using var source = new PostGisFeatureSource("reader", PostGisLayerSetup.Options(database, builder.ConnectionString));
            Assert.Contains(source.Layers, l => l.Table == $"{s}.{readable}");
            Assert.DoesNotContain(source.Layers, l => l.Table == $"{s}.{hidden}");
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await database.ExecuteAsync($"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    [Fact]
    public async Task Public_tables_are_keyed_by_their_bare_name_and_explicit_lists_are_honoured()
    {
        var name = PostGisDatabaseFixture.NewTableName("pub");
        await database.ExecuteAsync($"CREATE TABLE public.{name} (id bigint PRIMARY KEY, geom geometry(Point, 4490))");
        try
        {
            var options = PostGisLayerSetup.Options(database) with { Schemas = null, Tables = [name] };
            using var source = new PostGisFeatureSource("pub", options);
            Assert.Equal([name], source.Layers.Select(l => l.Table));
            Assert.True(source.Layers[0].Extent.IsEmpty);

            var missing = options with { Tables = ["no_such_table"] };
            Assert.Throws<TileServer.Core.Errors.DataSourceException>(() => new PostGisFeatureSource("pub", missing));
        }
        finally
        {
            await database.ExecuteAsync($"DROP TABLE public.{name}");
        }
    }
}

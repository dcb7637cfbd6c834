namespace TileServer.Sources.PostGis.Tests;

using TileServer.Sources.PostGis.Import;
using TileServer.Tests.Shared.FeatureQueries;

/// <summary>The shared query dataset in PostGIS, loaded once per test run: the importer's table (bigint,
/// text, double precision, EPSG:4490) and a hand-made copy with other column types (int4 key "gid",
/// varchar, int4, numeric) and a Gauss-Krüger geometry (EPSG:4547) named "shape", so the translation is
/// checked against casts and transforms too. One source serves both.</summary>
internal static class QueryDatasetTables
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Schema, PostGisFeatureSource Source, string Imported, string Projected)? loaded;

    public static async Task<(PostGisFeatureSource Source, string Imported, string Projected)> LoadAsync(PostGisDatabaseFixture database)
    {
        await Gate.WaitAsync();
        try
        {
            if (loaded is not { } current || current.Schema != database.Schema)
            {
                var s = database.Schema;
                var name = PostGisDatabaseFixture.NewTableName("query_dataset");
                await using (var importer = new PostGisImporter(database.ConnectionString))
                    await importer.ImportAsync([QueryDataset.Layer(name)], new ImportOptions { TargetSchema = s });
                var projected = name + "_gk";
                await database.ExecuteAsync($"""
                    CREATE TABLE {s}.{projected} (gid int4 PRIMARY KEY, mc varchar(40), bh int4, mj numeric, shape geometry(Polygon, 4547));
                    INSERT INTO {s}.{projected} SELECT fid, mc, bh, mj, ST_Transform(geom, 4547) FROM {s}.{name};
                    CREATE INDEX ON {s}.{projected} USING gist (shape);
                    ANALYZE {s}.{projected};
                    """);
                current = (s, new PostGisFeatureSource("q", PostGisLayerSetup.Options(database)), $"{s}.{name}", $"{s}.{projected}");
                loaded = current;
            }

            return (current.Source, current.Imported, current.Projected);
        }
        finally
        {
            Gate.Release();
        }
    }
}

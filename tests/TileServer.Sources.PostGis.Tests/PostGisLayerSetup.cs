namespace TileServer.Sources.PostGis.Tests;

using TileServer.Sources.PostGis.Import;

/// <summary>Creates the tables the source tests read: imported parcels, a view over them, a projected
/// (Gauss-Krüger, EPSG:4547) copy, a table without a primary key, and an empty slow view.</summary>
internal static class PostGisLayerSetup
{
    public static async Task<string> ImportParcelsAsync(PostGisDatabaseFixture database, int count = 400)
    {
        var name = PostGisDatabaseFixture.NewTableName("parcels");
        await using var importer = new PostGisImporter(database.ConnectionString);
        await importer.ImportAsync([SampleLayers.Parcels(name, count)], new ImportOptions { TargetSchema = database.Schema });
        return name;
    }

    public static PostGisSourceOptions Options(PostGisDatabaseFixture database, string? connectionString = null) => new()
    {
        ConnectionString = connectionString ?? database.ConnectionString,
        Schemas = [database.Schema],
        MaxPoolSize = 4,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        RetryAfter = TimeSpan.FromSeconds(7),
    };
}

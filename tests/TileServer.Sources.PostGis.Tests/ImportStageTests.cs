namespace TileServer.Sources.PostGis.Tests;

using TileServer.Sources.PostGis.Import;

[Collection(PostGisCollection.Name)]
public sealed class ImportStageTests(PostGisDatabaseFixture database)
{
    [Fact]
    public async Task A_replace_reports_each_stage_in_order_within_the_total_time()
    {
        var name = PostGisDatabaseFixture.NewTableName("stages");
        await using var importer = new PostGisImporter(database.ConnectionString);
        var options = new ImportOptions { Mode = ImportMode.Replace, TargetSchema = database.Schema };

        var report = (await importer.ImportAsync([SampleLayers.Parcels(name, 2_000)], options))[0];

        Assert.Equal(["copy", "key", "gist", "analyze", "validate", "swap"], report.Stages.Select(s => s.Stage));
        Assert.All(report.Stages, s => Assert.True(s.Duration >= TimeSpan.Zero, s.Stage));
        Assert.True(report.Stages.Sum(s => s.Duration.Ticks) <= report.TotalTime.Ticks);
        Assert.StartsWith("copy ", report.StageSummary, StringComparison.Ordinal);
        Assert.Contains(", swap ", report.StageSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_append_reports_the_append_stage_instead_of_key_index_and_swap()
    {
        var name = PostGisDatabaseFixture.NewTableName("stagesappend");
        await using var importer = new PostGisImporter(database.ConnectionString);
        await importer.ImportAsync([SampleLayers.Parcels(name, 100)], new ImportOptions { TargetSchema = database.Schema });

        var report = (await importer.ImportAsync([SampleLayers.Parcels(name, 50, seed: 2, firstBsm: 5_000)],
            new ImportOptions { Mode = ImportMode.Append, TargetSchema = database.Schema }))[0];

        Assert.Equal(["copy", "validate", "append"], report.Stages.Select(s => s.Stage));
    }

    /// <summary>COPY FREEZE loads the rows frozen and marks the pages all-visible at once (PostgreSQL docs, COPY):
    /// the visibility map of a freshly imported table is complete before any VACUUM ran, which is what spares
    /// the validity, index and ANALYZE scans the per-row visibility work.</summary>
    [Fact]
    public async Task Imported_pages_are_all_visible_and_frozen_without_a_vacuum()
    {
        var name = PostGisDatabaseFixture.NewTableName("frozen");
        await using var importer = new PostGisImporter(database.ConnectionString);
        await importer.ImportAsync([SampleLayers.Parcels(name, 3_000)], new ImportOptions { TargetSchema = database.Schema });

        var pages = await database.ScalarAsync<long>($"SELECT pg_relation_size('{database.Schema}.{name}') / current_setting('block_size')::bigint");
        Assert.True(pages > 1, $"{pages} pages");
        await database.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_visibility");
        Assert.Equal(pages, await database.ScalarAsync<long>($"SELECT count(*) FROM pg_visibility_map('{database.Schema}.{name}') WHERE all_visible AND all_frozen"));
        await database.ExecuteAsync($"DROP TABLE {database.Schema}.{name}");
    }
}

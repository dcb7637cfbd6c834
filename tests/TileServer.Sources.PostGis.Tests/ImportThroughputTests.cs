namespace TileServer.Sources.PostGis.Tests;

using TileServer.Sources.PostGis.Import;
using Xunit.Abstractions;

[Collection(PostGisCollection.Name)]
public sealed class ImportThroughputTests(PostGisDatabaseFixture database, ITestOutputHelper output)
{
    /// <summary>Imports 200,000 parcels of 30 vertices end to end and reports progress per stage. Speed is
    /// not asserted (CI machines are noisy): benchmarks/import-throughput.sh measures it; the stage times
    /// are written to the test output for a quick look.</summary>
    [Fact]
    public async Task Imports_200000_parcels_reporting_each_stage_with_rows_per_second()
    {
        var name = PostGisDatabaseFixture.NewTableName("bulk");
        var layer = SampleLayers.Parcels(name, 200_000);
        var samples = new List<ImportProgress>();
        await using var importer = new PostGisImporter(database.ConnectionString);

        var report = (await importer.ImportAsync([layer], new ImportOptions { TargetSchema = database.Schema }, new Progress(samples)))[0];

        output.WriteLine($"rows {report.Rows}: COPY {report.CopyTime.TotalSeconds:F2} s = {report.CopyRowsPerSecond:F0} rows/s; " +
                         $"total (with validation, key, GiST, ANALYZE) {report.TotalTime.TotalSeconds:F2} s = {report.RowsPerSecond:F0} rows/s");
        output.WriteLine($"  stages: {report.StageSummary}");
        Assert.Equal(200_000, report.Rows);
        Assert.Equal(0, report.InvalidGeometries);
        Assert.Contains(samples, s => s.Stage == "copy" && s.Rows > 0 && s.RowsPerSecond > 0);
        Assert.Equal(["copy", "index", "validate", "swap", "done"], samples.Select(s => s.Stage).Distinct());
        Assert.Equal(["copy", "key", "gist", "analyze", "validate", "swap"], report.Stages.Select(s => s.Stage));
        await database.ExecuteAsync($"DROP TABLE {database.Schema}.{name}");
    }

    private sealed class Progress(List<ImportProgress> samples) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => samples.Add(value);
    }
}

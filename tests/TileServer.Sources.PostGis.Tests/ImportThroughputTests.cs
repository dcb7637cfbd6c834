namespace TileServer.Sources.PostGis.Tests;

using TileServer.Sources.PostGis.Import;
using Xunit.Abstractions;

[Collection(PostGisCollection.Name)]
public sealed class ImportThroughputTests(PostGisDatabaseFixture database, ITestOutputHelper output)
{
    /// <summary>Measures 200,000 parcels of 30 vertices end to end. The assertion is a loose floor so a
    /// slow shared CI machine does not fail; the measured rate is written to the test output.</summary>
    [Fact]
    public async Task Imports_200000_parcels_and_reports_rows_per_second()
    {
        var name = PostGisDatabaseFixture.NewTableName("bulk");
        var layer = SampleLayers.Parcels(name, 200_000);
        var samples = new List<ImportProgress>();
        await using var importer = new PostGisImporter(database.ConnectionString);

        var report = (await importer.ImportAsync([layer], new ImportOptions { TargetSchema = database.Schema }, new Progress(samples)))[0];

        output.WriteLine($"rows {report.Rows}: COPY {report.CopyTime.TotalSeconds:F2} s = {report.CopyRowsPerSecond:F0} rows/s; " +
                         $"total (with validation, key, GiST, ANALYZE) {report.TotalTime.TotalSeconds:F2} s = {report.RowsPerSecond:F0} rows/s");
        Console.WriteLine($"[throughput] COPY {report.CopyRowsPerSecond:F0} rows/s, total {report.RowsPerSecond:F0} rows/s");
        Assert.Equal(200_000, report.Rows);
        Assert.Equal(0, report.InvalidGeometries);
        Assert.Contains(samples, s => s.Stage == "copy" && s.Rows > 0 && s.RowsPerSecond > 0);
        Assert.True(report.RowsPerSecond > 10_000, $"import too slow: {report.RowsPerSecond:F0} rows/s");
        await database.ExecuteAsync($"DROP TABLE {database.Schema}.{name}");
    }

    private sealed class Progress(List<ImportProgress> samples) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => samples.Add(value);
    }
}

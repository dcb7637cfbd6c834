namespace TileServer.Sources.PostGis.Tests;

using System.Diagnostics;
using TileServer.Core.Errors;
using TileServer.Core.Features;
using TileServer.Core.Geometry;

[Collection(PostGisCollection.Name)]
public sealed class OutageTests(PostGisDatabaseFixture database)
{
    [Fact]
    public async Task A_stopped_server_is_unavailable_quickly_and_the_same_source_recovers()
    {
        var parcels = await PostGisLayerSetup.ImportParcelsAsync(database, 50);
        using var source = new PostGisFeatureSource("db", PostGisLayerSetup.Options(database));
        var query = new FeatureQuery($"{database.Schema}.{parcels}", new BoundingBox(118, 40, 119, 42), ["bsm"]);
        Assert.Equal(50, (await source.QueryAsync(query, CancellationToken.None).ToListAsync()).Count);

        PgCtl("stop -m fast -w");
        try
        {
            for (var attempt = 0; attempt < 2; attempt++) // a pooled (now dead) connection, then a refused one
            {
                var clock = Stopwatch.StartNew();
                var error = await Assert.ThrowsAsync<SourceUnavailableException>(() => source.QueryAsync(query, CancellationToken.None).ToListAsync().AsTask());
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
                Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
            }

            await Assert.ThrowsAsync<SourceUnavailableException>(() => source.GetMvtTileAsync(
                [new Core.Features.MvtLayerRequest("p", $"{database.Schema}.{parcels}", [], "bsm")],
                Core.Tiling.WebMercator.TileAt(118.62, 40.92, 14), new MvtTileSettings(4096, 64, 0.25, 0.25), CancellationToken.None));
        }
        finally
        {
            PgCtl($"start -w -t 30 -l {Environment.GetEnvironmentVariable("TILESERVER_PG_LOG")}");
        }

        Assert.Equal(50, (await source.QueryAsync(query, CancellationToken.None).ToListAsync()).Count);
    }

    /// <summary>Runs the cluster's pg_ctl (TILESERVER_PG_CTL) as its OS user (TILESERVER_PG_OS_USER).</summary>
    private static void PgCtl(string arguments)
    {
        var pgCtl = Environment.GetEnvironmentVariable("TILESERVER_PG_CTL")
                    ?? throw new InvalidOperationException("TILESERVER_PG_CTL is not set: source scripts/services/postgres.sh");
        var user = Environment.GetEnvironmentVariable("TILESERVER_PG_OS_USER") ?? Environment.UserName;
        var command = $"{pgCtl} {arguments}".Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = Environment.UserName == user
            ? new ProcessStartInfo(command[0], command[1..])
            : new ProcessStartInfo("runuser", ["-u", user, "--", .. command]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pg_ctl {arguments} failed: {output}");
    }
}

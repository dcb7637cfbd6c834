namespace TileServer.Tests.Integration;

using System.Diagnostics;
using System.Net;
using TileServer.Core.Tiling;
using TileServer.Tests.Support;

/// <summary>Stopping PostgreSQL mid-test gives 503 with Retry-After (not a hang, not a 500), and serving
/// resumes by itself once it is back. Uses the pg_ctl of the cluster the test script started.</summary>
[Collection(ServiceOutageCollection.Name)]
public sealed class PostGisOutageTests(PostGisServerFixture postgis) : IClassFixture<PostGisServerFixture>
{
    [Fact]
    public async Task Outage_gives_503_then_serving_resumes()
    {
        using var client = postgis.CreateClient();
        var seat = WebMercator.TileAt(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 14);
        using (var before = await client.GetAsync($"/tiles/ghyd/14/{seat.Column}/{seat.Row}.mvt"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await PgCtlAsync("stop -m fast -w");
        try
        {
            var clock = Stopwatch.StartNew();
            using var during = await client.GetAsync($"/tiles/ghyd/14/{seat.Column + 1}/{seat.Row}.mvt");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.True(during.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After missing");
            Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the outage took {clock.Elapsed} to answer");

            using var cached = await client.GetAsync($"/tiles/ghyd/14/{seat.Column}/{seat.Row}.mvt");
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        }
        finally
        {
            await PgCtlAsync("start -w -t 30");
        }

        HttpStatusCode after = HttpStatusCode.ServiceUnavailable;
        for (int attempt = 0; attempt < 20 && after != HttpStatusCode.OK; attempt++)
        {
            using var response = await client.GetAsync($"/tiles/ghyd/14/{seat.Column + 1}/{seat.Row}.mvt");
            after = response.StatusCode;
            if (after != HttpStatusCode.OK) await Task.Delay(500);
        }

        Assert.Equal(HttpStatusCode.OK, after);
    }

    private static async Task PgCtlAsync(string arguments)
    {
        string pgCtl = Environment.GetEnvironmentVariable("TILESERVER_PG_CTL") ?? throw new InvalidOperationException("TILESERVER_PG_CTL not set: run scripts/test.sh");
        string user = Environment.GetEnvironmentVariable("TILESERVER_PG_OS_USER") ?? "postgres";
        string log = arguments.StartsWith("start", StringComparison.Ordinal) && Environment.GetEnvironmentVariable("TILESERVER_PG_LOG") is { Length: > 0 } l ? $" -l {l}" : "";
        var start = new ProcessStartInfo("runuser", ["-u", user, "--", "sh", "-c", $"{pgCtl} {arguments}{log}"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_ctl {arguments} failed: {errors}");
    }
}

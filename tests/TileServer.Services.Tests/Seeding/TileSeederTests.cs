namespace TileServer.Services.Tests.Seeding;

using System.Collections.Concurrent;
using TileServer.Core.Caching;
using TileServer.Core.Geometry;
using TileServer.Core.Tiling;
using TileServer.Services.Seeding;

public sealed class TileSeederTests
{
    private static readonly SeedTileList List = new(TileMatrixSets.WebMercatorQuad, new BoundingBox(111, 42, 113, 44), 8, 11);

    [Fact]
    public async Task Skips_done_tiles_stores_non_empty_ones_and_reports_the_totals()
    {
        var done = List.Tiles().Where((_, i) => i % 3 == 0).ToHashSet();
        var stored = new ConcurrentBag<TileCoordinate>();
        var produced = new ConcurrentBag<TileCoordinate>();
        var reports = new List<SeedProgress>();

        var result = await new TileSeeder(threads: 4).RunAsync(List, done.Contains,
            (tile, _) => { produced.Add(tile); return ValueTask.FromResult((Content(tile.Column % 2 == 0), false)); },
            (tile, _, _) => { stored.Add(tile); return ValueTask.CompletedTask; },
            new SynchronousProgress(reports), CancellationToken.None);

        Assert.Empty(produced.Intersect(done));
        Assert.Equal(List.Count - done.Count, produced.Count);
        Assert.All(stored, t => Assert.Equal(0, t.Column % 2));
        Assert.Equal(List.Count, result.Done);
        Assert.Equal(done.Count, result.Skipped);
        Assert.Equal(stored.Count, result.Stored);
        Assert.Equal(List.Count, result.Stored + result.Empty + result.Skipped);
        Assert.True(reports[^1].IsComplete);
        Assert.Equal(reports.Select(r => r.Done).Order(), reports.Select(r => r.Done));
    }

    [Fact]
    public async Task Tiles_produced_as_already_stored_count_as_skipped_and_are_not_stored_again()
    {
        int stores = 0;
        var result = await new TileSeeder(threads: 2).RunAsync(List, _ => false,
            (tile, _) => ValueTask.FromResult((Content(true), tile.Row % 2 == 0)),
            (_, _, _) => { Interlocked.Increment(ref stores); return ValueTask.CompletedTask; }, null, CancellationToken.None);

        Assert.Equal(List.Tiles().Count(t => t.Row % 2 == 0), result.Skipped);
        Assert.Equal(List.Count - result.Skipped, stores);
        Assert.Equal(stores, result.Stored);
    }

    [Fact]
    public async Task A_failing_tile_fails_the_run_with_its_exception()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => new TileSeeder(2).RunAsync(List, _ => false,
            (_, _) => throw new InvalidOperationException("source down"), (_, _, _) => ValueTask.CompletedTask, null, CancellationToken.None));

        Assert.Equal("source down", failure.Message);
    }

    [Fact]
    public void Eta_follows_the_rate_so_far()
    {
        var progress = new SeedProgress(Done: 100, Total: 300, Stored: 80, Skipped: 0, Empty: 20, Elapsed: TimeSpan.FromSeconds(10));

        Assert.Equal(10, progress.TilesPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(20), progress.Eta);
        Assert.Null(new SeedProgress(0, 10, 0, 0, 0, TimeSpan.Zero).Eta);
    }

    private static TileContent Content(bool filled) => filled ? new TileContent([1, 2], [3], "\"x\"") : new TileContent([], [], "\"empty\"");

    private sealed class SynchronousProgress(List<SeedProgress> reports) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}

namespace TileServer.Services.Seeding;

using System.Diagnostics;
using TileServer.Core.Caching;
using TileServer.Core.Tiling;

/// <summary>Runs a seeding work list in parallel: skips the tiles <c>skip</c> says are done, produces the
/// others (a production that reports the tile as already stored, such as a cache hit, counts as skipped),
/// hands new non-empty ones to <c>store</c>, and reports progress at most every
/// <see cref="ReportInterval"/> and once at the end. Where tiles come from (cache or encoder) and go to
/// (Redis through the cache, an MBTiles file) is the caller's choice.</summary>
public sealed class TileSeeder(int threads)
{
    public TimeSpan ReportInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public async Task<SeedProgress> RunAsync(
        SeedTileList list,
        Func<TileCoordinate, bool> skip,
        Func<TileCoordinate, CancellationToken, ValueTask<(TileContent Content, bool AlreadyStored)>> produce,
        Func<TileCoordinate, TileContent, CancellationToken, ValueTask> store,
        IProgress<SeedProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(skip);
        ArgumentNullException.ThrowIfNull(produce);
        ArgumentNullException.ThrowIfNull(store);
        long total = list.Count;
        long done = 0, stored = 0, skipped = 0, empty = 0;
        var clock = Stopwatch.StartNew();
        long lastReport = 0;
        var reportGate = new Lock();

        SeedProgress Snapshot() => new(Interlocked.Read(ref done), total, Interlocked.Read(ref stored),
            Interlocked.Read(ref skipped), Interlocked.Read(ref empty), clock.Elapsed);

        void MaybeReport()
        {
            if (progress is null)
            {
                return;
            }

            long now = clock.ElapsedTicks;
            if (now - Interlocked.Read(ref lastReport) < ReportInterval.TotalSeconds * Stopwatch.Frequency)
            {
                return;
            }

            // One reporter at a time, so lines are never interleaved or reported out of order.
            lock (reportGate)
            {
                if (now - lastReport >= ReportInterval.TotalSeconds * Stopwatch.Frequency)
                {
                    Interlocked.Exchange(ref lastReport, now);
                    progress.Report(Snapshot());
                }
            }
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(list.Tiles(), options, async (tile, ct) =>
        {
            if (skip(tile))
            {
                Interlocked.Increment(ref skipped);
            }
            else
            {
                var (content, alreadyStored) = await produce(tile, ct).ConfigureAwait(false);
                if (alreadyStored)
                {
                    Interlocked.Increment(ref skipped);
                }
                else if (content.IsEmpty)
                {
                    Interlocked.Increment(ref empty);
                }
                else
                {
                    await store(tile, content, ct).ConfigureAwait(false);
                    Interlocked.Increment(ref stored);
                }
            }

            Interlocked.Increment(ref done);
            MaybeReport();
        }).ConfigureAwait(false);

        var final = Snapshot();
        progress?.Report(final);
        return final;
    }
}

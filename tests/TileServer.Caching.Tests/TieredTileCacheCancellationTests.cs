namespace TileServer.Caching.Tests;

using TileServer.Caching;
using TileServer.Core.Caching;
using TileServer.Core.Tiling;

/// <summary>A client that disconnects cancels the production (and so the database query) only when no
/// other request still waits for the same tile.</summary>
public sealed class TieredTileCacheCancellationTests
{
    private static readonly TileCacheKey Key = new("ghyd", "WebMercatorQuad", new TileCoordinate(14, 1, 2), "mvt");

    private static TileContent Content() => new([1, 2, 3], [4], "\"e\"");

    [Fact]
    public async Task Last_waiter_leaving_cancels_the_production()
    {
        using var cache = new TieredTileCache(new TieredTileCacheOptions(), new InMemoryLayerGenerations());
        var productionCancelled = new TaskCompletionSource();
        async Task<TileContent> Produce(CancellationToken token)
        {
            using var registration = token.Register(() => productionCancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, token);
            return Content();
        }

        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        var a = cache.GetOrCreateAsync(Key, Produce, first.Token).AsTask();
        var b = cache.GetOrCreateAsync(Key, Produce, second.Token).AsTask();
        await Task.Delay(50);

        first.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a);
        await Task.Delay(50);
        Assert.False(productionCancelled.Task.IsCompleted, "one waiter remains: the production must go on");

        second.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b);
        await productionCancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_new_request_after_an_abandoned_production_starts_a_fresh_one()
    {
        using var cache = new TieredTileCache(new TieredTileCacheOptions(), new InMemoryLayerGenerations());
        int started = 0;
        using var gone = new CancellationTokenSource();
        var abandoned = cache.GetOrCreateAsync(Key, async token => { started++; await Task.Delay(Timeout.Infinite, token); return Content(); }, gone.Token).AsTask();
        await Task.Delay(50);
        gone.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        var fresh = await cache.GetOrCreateAsync(Key, _ => { started++; return Task.FromResult(Content()); }, CancellationToken.None);
        Assert.Equal(2, started);
        Assert.False(fresh.FromCache);
        Assert.Equal(3, fresh.Content.Data.Length);
    }
}

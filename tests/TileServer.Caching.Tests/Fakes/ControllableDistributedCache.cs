namespace TileServer.Caching.Tests.Fakes;

using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

/// <summary>Microsoft's in-memory <see cref="IDistributedCache"/> that can be switched to throw or to hang
/// (ignoring cancellation, like a dead socket), and that records what was asked of it.</summary>
internal sealed class ControllableDistributedCache : IDistributedCache
{
    private readonly MemoryDistributedCache inner = new(Options.Create(new MemoryDistributedCacheOptions()));

    public DistributedCacheMode Mode { get; set; } = DistributedCacheMode.Working;

    public int Gets;

    /// <summary>Calls that reached the store while it was throwing or hanging.</summary>
    public int FailedAttempts;

    public ConcurrentDictionary<string, DistributedCacheEntryOptions> SetOptions { get; } = new();

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        await FailIfAskedAsync().ConfigureAwait(false);
        Interlocked.Increment(ref Gets);
        return await inner.GetAsync(key, token).ConfigureAwait(false);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        await FailIfAskedAsync().ConfigureAwait(false);
        SetOptions[key] = options;
        await inner.SetAsync(key, value, options, token).ConfigureAwait(false);
    }

    public void Refresh(string key) => inner.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await FailIfAskedAsync().ConfigureAwait(false);
        await inner.RemoveAsync(key, token).ConfigureAwait(false);
    }

    /// <summary>Reads the store directly, bypassing the failure modes (for assertions).</summary>
    public byte[]? Peek(string key) => inner.Get(key);

    private Task FailIfAskedAsync()
    {
        if (Mode != DistributedCacheMode.Working)
        {
            Interlocked.Increment(ref FailedAttempts);
        }

        return FailureFor(Mode);
    }

    private static Task FailureFor(DistributedCacheMode mode) => mode switch
    {
        DistributedCacheMode.Throwing => throw new InvalidOperationException("connection refused"),
        DistributedCacheMode.Hanging => Task.Delay(Timeout.InfiniteTimeSpan, CancellationToken.None),
        _ => Task.CompletedTask,
    };
}

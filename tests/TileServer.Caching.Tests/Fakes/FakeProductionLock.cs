namespace TileServer.Caching.Tests.Fakes;

using System.Collections.Concurrent;
using TileServer.Core.Caching;

/// <summary>An in-process <see cref="ITileProductionLock"/> (no expiry) shared by several caches standing in for
/// several server instances.</summary>
internal sealed class FakeProductionLock : ITileProductionLock
{
    private readonly ConcurrentDictionary<string, string> held = new();

    public int Acquisitions;

    public Task<string?> TryAcquireAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        string token = Guid.NewGuid().ToString("N");
        bool acquired = held.TryAdd(key, token);
        if (acquired)
        {
            Interlocked.Increment(ref Acquisitions);
        }

        return Task.FromResult(acquired ? token : null);
    }

    public Task ReleaseAsync(string key, string token, CancellationToken cancellationToken)
    {
        held.TryRemove(new KeyValuePair<string, string>(key, token));
        return Task.CompletedTask;
    }

    /// <summary>Takes the lock as a foreign instance would, to make this one wait.</summary>
    public void HoldForeign(string key) => held[key] = "foreign";
}

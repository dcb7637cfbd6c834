namespace TileServer.Caching;

using TileServer.Core.Caching;

/// <summary>Settings of <see cref="TieredTileCache"/>: memory bound, per-layer time to live, storage key
/// prefix and the cross-instance single flight.</summary>
public sealed record TieredTileCacheOptions
{
    public MemoryTileCacheOptions Memory { get; init; } = new();

    /// <summary>Time to live of a layer without an entry in <see cref="LayerTimeToLive"/>.</summary>
    public TimeSpan DefaultTimeToLive { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Time to live by layer id. A composite tile lives as long as its shortest-lived layer.</summary>
    public IReadOnlyDictionary<string, TimeSpan> LayerTimeToLive { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>When set, decides the time to live of every tile instead of the two settings above.</summary>
    public Func<TileCacheKey, TimeSpan>? TimeToLive { get; init; }

    /// <summary>Prefix of the tile keys in the distributed cache (and of the production lock keys).</summary>
    public string KeyPrefix { get; init; } = "tileserver:tile:";

    /// <summary>How long the production lock is held at most: a crashed producer blocks others this long.</summary>
    public TimeSpan LockTimeToLive { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an instance that lost the lock waits for the winner's tile before producing it itself.</summary>
    public TimeSpan LockWaitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Interval between looks at the distributed cache while waiting for the winner.</summary>
    public TimeSpan LockPollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan TimeToLiveFor(TileCacheKey key)
    {
        if (TimeToLive is { } decide)
        {
            return decide(key);
        }

        TimeSpan shortest = TimeSpan.MaxValue;
        foreach (string layer in key.LayerIds)
        {
            TimeSpan ttl = LayerTimeToLive.TryGetValue(layer, out TimeSpan configured) ? configured : DefaultTimeToLive;
            shortest = ttl < shortest ? ttl : shortest;
        }

        return shortest == TimeSpan.MaxValue ? DefaultTimeToLive : shortest;
    }
}

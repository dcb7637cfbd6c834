namespace TileServer.Configuration;

using TileServer.Caching;
using TileServer.Caching.Redis;
using TileServer.Caching.Redis.PubSub;
using TileServer.Core.Caching;
using TileServer.Core.Errors;

/// <summary>Builds the one tile cache: the memory tier always, Redis as the shared tier when
/// TILESERVER_REDIS or TileServer:Cache:Redis names one (swap RedisDistributedCache for the
/// StackExchange package here when it can be restored).</summary>
public static class CacheFactory
{
    public static ComposedCache Create(CacheSettings settings, string? redisFromEnvironment)
    {
        if (settings.MemoryMegabytes < 0)
            throw new ConfigurationException($"TileServer:Cache:MemoryMegabytes must be 0 or more, not {settings.MemoryMegabytes}");
        var options = new TieredTileCacheOptions
        {
            Memory = new MemoryTileCacheOptions { SizeLimitBytes = settings.MemoryMegabytes * 1024L * 1024L },
            DefaultTimeToLive = TimeSpan.FromSeconds(settings.DefaultTimeToLiveSeconds),
            LayerTimeToLive = settings.LayerTimeToLiveSeconds.ToDictionary(p => p.Key, p => TimeSpan.FromSeconds(p.Value), StringComparer.Ordinal),
        };
        string redis = string.IsNullOrWhiteSpace(redisFromEnvironment) ? settings.Redis : redisFromEnvironment;
        if (string.IsNullOrWhiteSpace(redis))
        {
            var local = new InMemoryLayerGenerations();
            return new ComposedCache(new TieredTileCache(options, local), local, new LocalInvalidationBus());
        }

        RedisClient client;
        try
        {
            client = new RedisClient(redis);
        }
        catch (FormatException bad)
        {
            throw new Core.Errors.ConfigurationException($"{CacheSettings.RedisVariable}: {bad.Message}");
        }

        var shared = new ResilientDistributedCache(new RedisDistributedCache(client, "tileserver:"));
        var generations = new DistributedLayerGenerations(shared, TimeSpan.FromSeconds(2));
        return new ComposedCache(new TieredTileCache(options, generations, shared, new RedisTileLock(client)), generations, new RedisInvalidationBus(client));
    }
}

namespace TileServer.Caching.Redis.Tests.Server;

using TileServer.Tests.Shared;
[Collection(RedisServerCollection.Name)]
public sealed class RedisTileLockTests
{
    [Fact]
    public async Task Of_two_contenders_on_separate_connections_only_one_wins()
    {
        await using RedisClient one = await RedisTestServer.ConnectAsync();
        await using RedisClient two = await RedisTestServer.ConnectAsync();
        string key = RedisTestServer.UniqueKey("lock");
        var locks = new[] { new RedisTileLock(one), new RedisTileLock(two) };

        for (int round = 0; round < 20; round++)
        {
            string?[] tokens = await Task.WhenAll(locks.Select(l => Task.Run(() => l.TryAcquireAsync(key, TimeSpan.FromSeconds(10)))));
            Assert.Single(tokens, t => t is not null);
            int winner = Array.FindIndex(tokens, t => t is not null);
            Assert.True(await locks[winner].ReleaseAsync(key, tokens[winner]!));
        }
    }

    [Fact]
    public async Task Release_with_a_wrong_token_does_nothing()
    {
        await using RedisClient client = await RedisTestServer.ConnectAsync();
        var tileLock = new RedisTileLock(client);
        string key = RedisTestServer.UniqueKey("lock");

        string token = (await tileLock.TryAcquireAsync(key, TimeSpan.FromSeconds(10)))!;
        Assert.False(await tileLock.ReleaseAsync(key, "someone-else"));
        Assert.Null(await tileLock.TryAcquireAsync(key, TimeSpan.FromSeconds(10)));

        Assert.True(await tileLock.ReleaseAsync(key, token));
        Assert.False(await tileLock.ReleaseAsync(key, token));
        string? again = await tileLock.TryAcquireAsync(key, TimeSpan.FromSeconds(10));
        Assert.NotNull(again);
        Assert.NotEqual(token, again);
        await tileLock.ReleaseAsync(key, again);
    }

    [Fact]
    public async Task Expiry_frees_a_lock_whose_owner_never_released_it()
    {
        await using RedisClient client = await RedisTestServer.ConnectAsync();
        var tileLock = new RedisTileLock(client);
        string key = RedisTestServer.UniqueKey("lock");

        string? crashedOwner = await tileLock.TryAcquireAsync(key, TimeSpan.FromSeconds(2));
        Assert.NotNull(crashedOwner);
        Assert.Null(await tileLock.TryAcquireAsync(key, TimeSpan.FromSeconds(10)));
        await Task.Delay(2500);

        string? next = await tileLock.TryAcquireAsync(key, TimeSpan.FromSeconds(10));
        Assert.NotNull(next);
        Assert.False(await tileLock.ReleaseAsync(key, crashedOwner));
        Assert.True(await tileLock.ReleaseAsync(key, next));
    }
}

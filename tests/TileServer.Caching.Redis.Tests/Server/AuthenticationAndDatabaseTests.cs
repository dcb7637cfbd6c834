namespace TileServer.Caching.Redis.Tests.Server;

using TileServer.Tests.Shared;
[Collection(RedisServerCollection.Name)]
public sealed class AuthenticationAndDatabaseTests
{
    [Fact]
    public async Task The_password_from_the_script_authenticates()
    {
        // The script sets requirepass unless TILESERVER_REDIS_REQUIREPASS=0; either way the exported string connects.
        await using RedisClient client = await RedisTestServer.ConnectAsync();
        Assert.Equal(RedisHealthState.Connected, client.Health.State);
        await client.PingAsync();
    }

    [Fact]
    public async Task A_wrong_password_degrades_with_a_clear_authentication_error()
    {
        await using var client = new RedisClient(RedisTestServer.Options with { Password = "not-the-password" });
        var error = await Assert.ThrowsAsync<RedisUnavailableException>(() => client.GetAsync("any"));

        var cause = Assert.IsType<RedisAuthenticationException>(error.InnerException);
        Assert.Contains("rejected the password", cause.Message, StringComparison.Ordinal);
        Assert.Contains("rejected the password", error.Message, StringComparison.Ordinal);
        Assert.Equal(RedisHealthState.Degraded, client.Health.State);
        Assert.IsType<RedisAuthenticationException>(client.Health.LastError);
    }

    [Fact]
    public async Task No_password_against_a_protected_server_says_one_is_required()
    {
        await using var client = new RedisClient(RedisTestServer.Options with { Password = null });
        if (RedisTestServer.Options.Password is null)
        {
            // Server started without requirepass: connecting without a password is then correct.
            Assert.True(await client.WaitUntilConnectedAsync(TimeSpan.FromSeconds(5)));
            return;
        }

        var error = await Assert.ThrowsAsync<RedisUnavailableException>(() => client.GetAsync("any"));
        Assert.Contains("requires a password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Databases_selected_on_connect_are_isolated()
    {
        await using RedisClient first = await RedisTestServer.ConnectAsync(o => o with { Database = 1 });
        await using RedisClient second = await RedisTestServer.ConnectAsync(o => o with { Database = 2 });
        string key = RedisTestServer.UniqueKey("database");

        await first.SetAsync(key, new byte[] { 1 }, TimeSpan.FromMinutes(1));
        Assert.Null(await second.GetAsync(key));
        await second.SetAsync(key, new byte[] { 2 }, TimeSpan.FromMinutes(1));

        Assert.Equal([1], await first.GetAsync(key));
        Assert.Equal([2], await second.GetAsync(key));
        Assert.Equal(1, await first.DeleteAsync(key));
        Assert.Equal([2], await second.GetAsync(key));
        await second.DeleteAsync(key);
    }
}

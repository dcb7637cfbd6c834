namespace TileServer.Caching.Tests.Redis;

using System.Diagnostics;
using System.Net.Sockets;
using TileServer.Caching.Redis;

/// <summary>The redis-server started by scripts/services/redis.sh, described by the variables it exports.
/// A missing variable fails the test (never skips it): these tests must run against a real server.</summary>
internal static class RedisServer
{
    public static RedisEndpointOptions Options => RedisEndpointOptions.Parse(Required("TILESERVER_REDIS"));

    /// <summary>A client that reconnects quickly after an outage (the tests wait for that).</summary>
    public static async Task<RedisClient> ConnectAsync()
    {
        var client = new RedisClient(Options with { ReconnectMaxDelay = TimeSpan.FromMilliseconds(500) });
        Assert.True(await client.WaitUntilConnectedAsync(TimeSpan.FromSeconds(5)), $"not connected: {client.Health.LastError?.Message}");
        return client;
    }

    /// <summary>SHUTDOWN NOSAVE (the server closes every connection instead of replying), then waits until the port is closed.</summary>
    public static async Task StopAsync(RedisClient admin)
    {
        await Assert.ThrowsAnyAsync<RedisException>(() => admin.ExecuteAsync(["SHUTDOWN", "NOSAVE"]));
        await WaitForPortAsync(open: false);
    }

    /// <summary>Starts the server again with the script's config file (same port and password; it daemonizes).</summary>
    public static async Task StartAgainAsync()
    {
        if (await IsPortOpenAsync())
        {
            return;
        }

        using Process process = Process.Start(Required("TILESERVER_REDIS_SERVER"), Required("TILESERVER_REDIS_CONFIG"));
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        await WaitForPortAsync(open: true);
    }

    private static async Task WaitForPortAsync(bool open)
    {
        var deadline = Stopwatch.StartNew();
        while (await IsPortOpenAsync() != open)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), $"redis port did not become {(open ? "open" : "closed")}");
            await Task.Delay(50);
        }
    }

    private static async Task<bool> IsPortOpenAsync()
    {
        RedisEndpointOptions options = Options;
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(options.Host, options.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: these tests need the real redis-server that scripts/services/redis.sh starts. "
                + "Run scripts/test.sh, or: . scripts/services/redis.sh && dotnet test tests/TileServer.Caching.Tests; redis_stop");
}

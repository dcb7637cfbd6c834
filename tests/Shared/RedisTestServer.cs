namespace TileServer.Tests.Shared;

using System.Diagnostics;
using System.Net.Sockets;
using TileServer.Caching.Redis;
using Xunit;

/// <summary>The redis-server started by scripts/services/redis.sh, described by the variables it exports.
/// A missing variable fails the test (never skips it): these tests must run against a real server.
/// Linked into every test project that talks to Redis (tests/Shared).</summary>
internal static class RedisTestServer
{
    public static string ConnectionString => Required("TILESERVER_REDIS");

    public static RedisEndpointOptions Options => RedisEndpointOptions.Parse(ConnectionString);

    /// <summary>A client connected to the test server (waits for the first connection).</summary>
    public static async Task<RedisClient> ConnectAsync(Func<RedisEndpointOptions, RedisEndpointOptions>? adjust = null)
    {
        RedisEndpointOptions options = adjust is null ? Options : adjust(Options);
        var client = new RedisClient(options);
        Assert.True(await client.WaitUntilConnectedAsync(TimeSpan.FromSeconds(5)), $"not connected: {client.Health.LastError?.Message}");
        return client;
    }

    public static string UniqueKey(string name) => $"tests:{name}:{Guid.NewGuid():N}";

    /// <summary>SHUTDOWN NOSAVE (the server closes every connection), then waits until the port is closed.</summary>
    public static async Task StopAsync()
    {
        await using (var admin = await ConnectAsync())
        {
            // The server closes the connection instead of replying: a connection error is the expected answer.
            await Assert.ThrowsAnyAsync<RedisException>(() => admin.ExecuteAsync(["SHUTDOWN", "NOSAVE"]));
        }

        await WaitForPortAsync(open: false);
    }

    /// <summary>Starts the server again with the script's config file (same port, same password; it daemonizes).</summary>
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
                + "Run scripts/test.sh, or: . scripts/services/redis.sh && dotnet test tests/<project>; redis_stop");
}

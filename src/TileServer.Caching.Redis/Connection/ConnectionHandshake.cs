namespace TileServer.Caching.Redis.Connection;

using TileServer.Caching.Redis.Resp;

/// <summary>The commands every new connection sends before it is used: AUTH (if a password is set) and
/// SELECT (if the database is not 0), pipelined; a plain PING when neither applies, so a server that
/// demands a password (NOAUTH) is detected at connect time rather than on the first tile.</summary>
internal static class ConnectionHandshake
{
    public static async Task RunAsync(RedisConnection connection, RedisEndpointOptions options, CancellationToken cancellationToken)
    {
        var steps = new List<(string Name, Task<RespValue> Reply)>();
        if (options.Password is not null)
        {
            // AUTH [username] password (https://redis.io/docs/latest/commands/auth/).
            RedisArgument[] auth = options.User is null ? ["AUTH", options.Password] : ["AUTH", options.User, options.Password];
            steps.Add(("AUTH", Send(connection, options, auth, cancellationToken)));
        }

        if (options.Database != 0)
        {
            steps.Add(("SELECT", Send(connection, options, ["SELECT", options.Database], cancellationToken)));
        }

        if (steps.Count == 0)
        {
            steps.Add(("PING", Send(connection, options, ["PING"], cancellationToken)));
        }

        try
        {
            await Task.WhenAll(steps.Select(step => step.Reply)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Inspected step by step below, so that the first failure (usually AUTH) is the one reported.
        }

        foreach ((string name, Task<RespValue> reply) in steps)
        {
            if (reply.IsCompletedSuccessfully)
            {
                continue;
            }

            Exception error = reply.Exception?.InnerException ?? new OperationCanceledException();
            throw Describe(name, error, options);
        }
    }

    private static Task<RespValue> Send(
        RedisConnection connection, RedisEndpointOptions options, RedisArgument[] command, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(RespCommandEncoder.Encode(command), options.ConnectTimeout, cancellationToken);

    private static Exception Describe(string step, Exception error, RedisEndpointOptions options)
    {
        string server = $"Redis at {options.EndPointText}";
        return error switch
        {
            RedisServerException { Prefix: "NOAUTH" } =>
                new RedisAuthenticationException($"{server} requires a password (NOAUTH): add password=… to the connection string."),
            RedisServerException { Prefix: "WRONGPASS" } or RedisServerException when step == "AUTH" =>
                new RedisAuthenticationException($"{server} rejected the password (AUTH failed: {error.Message})."),
            RedisServerException => new RedisConnectionException($"{server}: {step} failed: {error.Message}", error),
            // The token is cancelled by connectTimeout (or by the client's disposal, which ignores the result).
            OperationCanceledException =>
                new RedisTimeoutException($"{server}: no answer to {step} within connectTimeout ({options.ConnectTimeout.TotalMilliseconds:0} ms)."),
            _ => error,
        };
    }
}

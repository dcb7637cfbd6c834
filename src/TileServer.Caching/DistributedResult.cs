namespace TileServer.Caching;

/// <summary>The outcome of a guarded distributed call: <see cref="Succeeded"/> is false when the call
/// failed, timed out or was skipped by the open circuit (then <see cref="Value"/> is the default).</summary>
public readonly record struct DistributedResult<T>(bool Succeeded, T Value)
{
    public static DistributedResult<T> Failed => new(false, default!);
}

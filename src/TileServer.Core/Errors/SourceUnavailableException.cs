namespace TileServer.Core.Errors;

/// <summary>A data source that cannot answer right now (database down, pool exhausted, statement timed
/// out). Protocol adapters answer 503 with Retry-After; the source recovers by itself.</summary>
public sealed class SourceUnavailableException(string message, TimeSpan retryAfter, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

namespace TileServer.Caching;

/// <summary>What one instance knows of one layer's generation, and when it last compared it with the
/// distributed cache. Guarded by its own lock: values only ever move forward.</summary>
internal sealed class LayerGenerationEntry
{
    public Lock Gate { get; } = new();

    public long Value { get; set; }

    public DateTimeOffset CheckedAt { get; set; } = DateTimeOffset.MinValue;

    public Task? Refreshing { get; set; }
}

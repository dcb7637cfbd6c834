namespace TileServer.Caching;

using System.Collections.Concurrent;
using TileServer.Core.Caching;

/// <summary>Layer generations for a single instance (or tests): counters in this process only.</summary>
public sealed class InMemoryLayerGenerations : ILayerGenerations
{
    private readonly ConcurrentDictionary<string, long> generations = new(StringComparer.Ordinal);

    public ValueTask<long> GetAsync(string layer, CancellationToken cancellationToken) =>
        ValueTask.FromResult(generations.TryGetValue(layer, out long generation) ? generation : 0);

    public ValueTask<long> BumpAsync(string layer, CancellationToken cancellationToken) =>
        ValueTask.FromResult(generations.AddOrUpdate(layer, 1, (_, current) => current + 1));
}

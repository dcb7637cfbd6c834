namespace TileServer.Core.Caching;

/// <summary>A per-layer data generation that is part of every cached tile's storage key. Bumping it makes
/// every cached tile of the layer (including composites containing it) unreachable at once, in O(1); the
/// unreachable entries then age out of the caches by themselves.</summary>
public interface ILayerGenerations
{
    /// <summary>The layer's current generation (0 for a layer never bumped).</summary>
    ValueTask<long> GetAsync(string layer, CancellationToken cancellationToken);

    /// <summary>Moves the layer to a new generation and returns it. Call it after the layer's data changed.</summary>
    ValueTask<long> BumpAsync(string layer, CancellationToken cancellationToken);

    /// <summary>Takes note of a generation another instance moved the layer to, so that it applies here at
    /// once instead of at the next refresh. Generations never move backwards: a lower value is ignored.</summary>
    void Observe(string layer, long generation)
    {
    }
}

namespace TileServer.Services.Caching;

/// <summary>What a purge did: tiles removed one by one, or the layer's generation bumped (every tile of the
/// layer out of reach at once, on every instance sharing the generations).</summary>
public sealed record PurgeResult(long TilesRemoved, bool GenerationBumped, long AffectedTiles);

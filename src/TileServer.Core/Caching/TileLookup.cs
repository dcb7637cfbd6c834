namespace TileServer.Core.Caching;

/// <summary>The result of a cache lookup: the tile and whether it came from the cache.</summary>
public readonly record struct TileLookup(TileContent Content, bool FromCache);

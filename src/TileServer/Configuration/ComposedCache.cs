namespace TileServer.Configuration;

using TileServer.Caching;
using TileServer.Core.Caching;

/// <summary>The tile cache and the layer generations its keys carry (bumped to invalidate a layer).</summary>
public sealed record ComposedCache(TieredTileCache Cache, ILayerGenerations Generations);

namespace TileServer.Configuration;

using TileServer.Caching;
using TileServer.Core.Caching;

/// <summary>The tile cache, the layer generations its keys carry (bumped to invalidate a layer) and the bus
/// that tells the other instances sharing its distributed tier what was invalidated.</summary>
public sealed record ComposedCache(TieredTileCache Cache, ILayerGenerations Generations, ICacheInvalidationBus Bus);

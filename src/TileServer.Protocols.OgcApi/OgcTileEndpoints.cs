namespace TileServer.Protocols.OgcApi;

using Microsoft.AspNetCore.Routing;

/// <summary>OGC API – Tiles 1.0 endpoints.</summary>
public static class OgcTileEndpoints
{
    public static IEndpointRouteBuilder MapOgcTiles(this IEndpointRouteBuilder app) => app;
}

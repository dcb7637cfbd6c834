namespace TileServer.Http;

using TileServer.Core.Caching;
using TileServer.Core.Layers;

/// <summary><c>GET /health</c>: 200 with "ok", or "degraded" when the shared cache tier is failing (tiles
/// are still served from memory and the sources, so the instance stays in rotation).</summary>
public static class HealthEndpoint
{
    /// <summary>RFC 9110 §9.1: HEAD wherever GET is served.</summary>
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/health", GetOrHead, (ICacheHealthProbe cache, ILayerCatalog catalog) =>
        {
            var health = cache.Health;
            return Results.Json(new
            {
                status = health.IsHealthy ? "ok" : "degraded",
                layers = catalog.Layers.Count,
                cache = new { state = health.State.ToString().ToLowerInvariant(), reason = health.Reason, since = health.Since },
            });
        });
        return app;
    }
}

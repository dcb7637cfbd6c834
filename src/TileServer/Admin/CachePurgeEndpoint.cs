namespace TileServer.Admin;

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TileServer.Configuration;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Services.Caching;

/// <summary><c>POST /admin/cache/purge</c>: drops cached tiles of a layer by hand (after an edit the change
/// signal did not see), precisely within a box or, for large areas, by bumping the layer's generation.</summary>
public static class CachePurgeEndpoint
{
    public static IEndpointRouteBuilder MapCachePurge(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/cache/purge", PurgeAsync);
        return app;
    }

    private static async Task<IResult> PurgeAsync(HttpContext context, TileServerSettings settings, ILayerCatalog catalog, TileCachePurger purger)
    {
        string expected = settings.Admin.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return Problem(StatusCodes.Status403Forbidden, "Admin API disabled", "set TileServer:Admin:ApiKey to enable it", null);
        }

        string given = context.Request.Headers["X-Api-Key"].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "missing or wrong X-Api-Key", "X-Api-Key");
        }

        PurgeBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<PurgeBody>(context.Request.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web), context.RequestAborted);
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid body", $"not a purge request: {e.Message}", "body");
        }

        if (body?.Layer is not { Length: > 0 } layerId)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid parameter", "layer is required", "layer");
        }

        if (!catalog.TryGet(layerId, out var layer))
        {
            return Problem(StatusCodes.Status404NotFound, "Layer not found", $"unknown layer '{layerId}'", "layer");
        }

        BoundingBox? bounds = null;
        if (body.Bbox is { } b)
        {
            // Degrees of longitude and latitude: a box beyond them was clamped to the world's edge and purged tiles there.
            if (b.Length != 4 || b[0] > b[2] || b[1] > b[3] || b.Any(v => !double.IsFinite(v))
                || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90)
            {
                return Problem(StatusCodes.Status400BadRequest, "Invalid parameter", "bbox must be [minLon, minLat, maxLon, maxLat] in degrees, longitudes within ±180 and latitudes within ±90", "bbox");
            }

            bounds = new BoundingBox(b[0], b[1], b[2], b[3]);
        }

        int minZoom = body.MinZoom ?? layer.Definition.MinZoom;
        int maxZoom = body.MaxZoom ?? layer.Definition.MaxZoom;
        if (minZoom < 0 || maxZoom > 30 || minZoom > maxZoom)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid parameter", $"zoom range {minZoom}-{maxZoom} is not within 0-30", "minzoom");
        }

        var result = await purger.PurgeAsync(new PurgeRequest(layerId, bounds, minZoom, maxZoom), context.RequestAborted);
        return Results.Json(new { layer = layerId, removed = result.TilesRemoved, generationBumped = result.GenerationBumped, affectedTiles = result.AffectedTiles });
    }

    private static IResult Problem(int status, string title, string detail, string? parameter) =>
        Results.Problem(detail: detail, statusCode: status, title: title,
            extensions: parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter });
}

namespace TileServer.Protocols.Xyz;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TileServer.Core.Layers;
using TileServer.Core.Serialization;
using TileServer.Http;
using TileServer.Services.Features;
using TileServer.Services.Tiles;

/// <summary>Maps the XYZ vector tile endpoint and TileJSON:
/// <c>/tiles/{layers}/{z}/{x}/{y}.mvt</c> and <c>/tiles/{layers}.json</c>.</summary>
public static class XyzTileEndpoints
{
    public const string MvtContentType = "application/vnd.mapbox-vector-tile";

    public static IEndpointRouteBuilder MapXyzTiles(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/tiles/{layers}/{z}/{x}/{y}.mvt", [HttpMethods.Get, HttpMethods.Head], GetVectorTileAsync);
        app.MapMethods("/tiles/{layers}/{z}/{x}/{y}.png", [HttpMethods.Get, HttpMethods.Head], RasterTileEndpoint.GetPngTileAsync);
        app.MapMethods("/tiles/{layers}.json", [HttpMethods.Get, HttpMethods.Head], GetTileJson);
        return app;
    }

    // Returns a plain Task rather than an IResult: the tile is written by TileResponseWriter, and a hit should not pay
    // for executing an empty result on top.
    private static async Task GetVectorTileAsync(HttpContext context, string layers, string z, string x, string y)
    {
        var services = context.RequestServices;
        if (!TileRequestParser.TryParseLayers(services.GetRequiredService<ILayerCatalog>(), layers, out var published, out var error)
            || !TileRequestParser.TryParseTile(z, x, y, out var tile, out error))
        {
            await error!.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var tiles = services.GetRequiredService<VectorTileService>();
        var lookup = await tiles.GetTileAsync(published, tile, context.RequestAborted).ConfigureAwait(false);
        int maxAge = LayerMaxAge.For(published, services.GetRequiredService<XyzOptions>().MaxAgeSeconds);
        await TileResponseWriter.WriteAsync(context, lookup.Content, lookup.FromCache, MvtContentType, maxAge, compressible: true).ConfigureAwait(false);
    }

    private static async Task<IResult> GetTileJson(HttpContext context, string layers)
    {
        var services = context.RequestServices;
        if (!TileRequestParser.TryParseLayers(services.GetRequiredService<ILayerCatalog>(), layers, out var published, out var error))
        {
            return error!;
        }

        var request = context.Request;
        string baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var centre = services.GetService<LayerCentres>() is { } centres
            ? await centres.FirstWithDataAsync(published!, context.RequestAborted).ConfigureAwait(false)
            : null;
        var document = TileJsonDocument.Build(published!, baseUrl, services.GetRequiredService<XyzOptions>(),
            centre is { } c ? (c.Longitude, c.Latitude) : null);
        return Results.Text(document.ToJsonString(JsonOutput.Options), "application/json");
    }
}

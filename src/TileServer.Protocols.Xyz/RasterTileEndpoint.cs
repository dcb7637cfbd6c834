namespace TileServer.Protocols.Xyz;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TileServer.Core.Layers;
using TileServer.Http;
using TileServer.Services.Raster;

/// <summary>The XYZ raster tile endpoint <c>/tiles/{layers}/{z}/{x}/{y}.png</c>: the same validation,
/// caching and HTTP semantics as the vector tile endpoint, drawn with the layers' styles.</summary>
public static class RasterTileEndpoint
{
    public const string PngContentType = "image/png";

    public static async Task<IResult> GetPngTileAsync(HttpContext context, string layers, string z, string x, string y)
    {
        var services = context.RequestServices;
        if (!TileRequestParser.TryParseLayers(services.GetRequiredService<ILayerCatalog>(), layers, out var published, out var error)
            || !TileRequestParser.TryParseTile(z, x, y, out var tile, out error))
        {
            return error!;
        }

        var tiles = services.GetRequiredService<RasterTileService>();
        var lookup = await tiles.GetTileAsync(published, tile, context.RequestAborted).ConfigureAwait(false);
        int maxAge = LayerMaxAge.For(published, services.GetRequiredService<XyzOptions>().MaxAgeSeconds);
        await TileResponseWriter.WriteAsync(context, lookup.Content, lookup.FromCache, PngContentType, maxAge, compressible: false).ConfigureAwait(false);
        return Results.Empty;
    }
}

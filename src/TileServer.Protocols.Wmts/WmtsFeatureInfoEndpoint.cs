namespace TileServer.Protocols.Wmts;

using Microsoft.AspNetCore.Http;
using TileServer.Services.FeatureInfo;

/// <summary>GetFeatureInfo (07-057r7 §7.3) in both encodings: validates like GetTile plus I/J/InfoFormat,
/// turns the pixel centre into longitude/latitude in the requested tile matrix set, and answers the layer's
/// features there in the requested InfoFormat.</summary>
public static class WmtsFeatureInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, WmtsFeatureInfoParameters parameters,
        IReadOnlyList<WmtsLayer> layers, WmtsOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (!WmtsFeatureInfoRequestValidator.TryValidate(parameters, layers, out var request, out var error))
        {
            return WmtsExceptionReport.ToResult(error!);
        }

        var tile = request!.Tile;
        if (!tile.Layer.IsDrawnAt(tile.TileMatrixSet, tile.Tile.Zoom))
        {
            // The tile is transparent below the layer's min zoom, so no feature is shown at any pixel.
            return new WmtsXmlResult(WmtsFeatureInfoWriter.Write(request.Format, tile.Layer.Id, []), request.Format.ContentType, StatusCodes.Status200OK);
        }

        var location = WmtsPixelLocation.Of(tile.TileMatrixSet, tile.Tile, request.I, request.J, options.FeatureInfoTolerancePixels);
        var features = await FeatureInfoService.FindAsync(tile.Layer.Layer, location.Longitude, location.Latitude,
            location.SearchBox, options.FeatureInfoMaxFeatures, context.RequestAborted).ConfigureAwait(false);
        byte[] body = WmtsFeatureInfoWriter.Write(request.Format, tile.Layer.Id, features);
        return new WmtsXmlResult(body, request.Format.ContentType, StatusCodes.Status200OK);
    }

    /// <summary>07-057r7 §10.2.1: the RESTful FeatureInfo resource is the tile URL plus /{J}/{I}; its file
    /// extension selects the InfoFormat (.json, .html, .gml).</summary>
    public static Task<IResult> HandleRestAsync(HttpContext context, WmtsTileParameters tile, string j, string i, string extension,
        IReadOnlyList<WmtsLayer> layers, WmtsOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        WmtsInfoFormat? format = WmtsInfoFormat.FromExtension(extension);
        if (format is null)
        {
            return Task.FromResult(WmtsExceptionReport.ToResult(WmtsError.Invalid("InfoFormat",
                $"No FeatureInfo resource ends in '.{extension}'; use one of "
                + string.Join(", ", WmtsInfoFormat.All.Select(f => "." + f.Extension)) + ".")));
        }

        return HandleAsync(context, new WmtsFeatureInfoParameters(tile, j, i, format.MediaType), layers, options);
    }
}

namespace TileServer.Protocols.Wmts;

using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TileServer.Core.Caching;
using TileServer.Core.Layers;
using TileServer.Services.Caching;
using TileServer.Services.Raster;

/// <summary>Maps WMTS 1.0.0 (OGC 07-057r7): the KVP endpoint <c>/wmts</c> (§8) and the RESTful resources
/// <c>/wmts/1.0.0/WMTSCapabilities.xml</c> and <c>/wmts/1.0.0/{layer}/{style}/{set}/{matrix}/{row}/{col}.png</c>
/// (§10). Needs ILayerCatalog and RasterTileService in DI; WmtsOptions is optional.</summary>
public static class WmtsEndpoints
{
    private static readonly ConditionalWeakTable<RasterTileService, GridRasterTileService> FallbackGrids = new();
    private static readonly TileContent NothingDrawn = new([], [], WmtsEmptyTile.ETag);

    public static IEndpointRouteBuilder MapWmts(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods(WmtsRoutes.Kvp, methods, (Delegate)HandleKvpAsync);
        app.MapMethods(WmtsRoutes.RestCapabilities, methods, (HttpContext context) => Capabilities(context));
        app.MapMethods(WmtsRoutes.RestTile, methods, (Delegate)HandleRestTileWithExtensionAsync);
        app.MapMethods(WmtsRoutes.RestFeatureInfo, methods, (Delegate)HandleRestFeatureInfoAsync);
        return app;
    }

    /// <summary>07-057r7 §8: parameter names are case-insensitive (06-121r3 §11.5.2); SERVICE and REQUEST
    /// values are compared ignoring case too, so every spelling of GetCapabilities gets the same bytes.</summary>
    public static async Task<IResult> HandleKvpAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        string? service = Parameter(query, "SERVICE");
        if (string.IsNullOrEmpty(service))
        {
            return WmtsExceptionReport.ToResult(WmtsError.Missing("Service"));
        }

        if (!string.Equals(service, "WMTS", StringComparison.OrdinalIgnoreCase))
        {
            return WmtsExceptionReport.ToResult(WmtsError.Invalid("Service", $"Service '{service}' is not WMTS."));
        }

        string? request = Parameter(query, "REQUEST");
        if (string.IsNullOrEmpty(request))
        {
            return WmtsExceptionReport.ToResult(WmtsError.Missing("Request"));
        }

        if (string.Equals(request, "GetCapabilities", StringComparison.OrdinalIgnoreCase))
        {
            // 06-121r3 §7.3.2: AcceptVersions lists the versions the client can read, best first; when none of
            // them is ours the answer is VersionNegotiationFailed (Table 25, without a locator).
            string? acceptVersions = Parameter(query, "ACCEPTVERSIONS");
            if (!string.IsNullOrEmpty(acceptVersions)
                && !acceptVersions.Split(',').Any(v => v.Trim() == WmtsCapabilitiesDocument.Version))
            {
                return WmtsExceptionReport.ToResult(new WmtsError(WmtsExceptionCode.VersionNegotiationFailed, null,
                    $"None of the versions '{acceptVersions}' is offered; this server speaks WMTS {WmtsCapabilitiesDocument.Version}."));
            }

            return Capabilities(context);
        }

        bool featureInfo = string.Equals(request, "GetFeatureInfo", StringComparison.OrdinalIgnoreCase);
        if (!featureInfo && !string.Equals(request, "GetTile", StringComparison.OrdinalIgnoreCase))
        {
            return WmtsExceptionReport.ToResult(new WmtsError(WmtsExceptionCode.OperationNotSupported, "Request",
                $"Operation '{request}' is not supported; this server offers GetCapabilities, GetTile and GetFeatureInfo."));
        }

        // 07-057r7 Table 16 (and §7.3.1, which repeats the GetTile parameters): VERSION is mandatory on GetTile and must be the version negotiated in capabilities.
        string? version = Parameter(query, "VERSION");
        if (string.IsNullOrEmpty(version))
        {
            return WmtsExceptionReport.ToResult(WmtsError.Missing("Version"));
        }

        if (version != "1.0.0")
        {
            return WmtsExceptionReport.ToResult(WmtsError.Invalid("Version", $"Version '{version}' is not supported; use 1.0.0."));
        }

        var parameters = new WmtsTileParameters(
            Parameter(query, "LAYER"), Parameter(query, "STYLE"), Parameter(query, "FORMAT"), Parameter(query, "TILEMATRIXSET"),
            Parameter(query, "TILEMATRIX"), Parameter(query, "TILEROW"), Parameter(query, "TILECOL"));
        if (featureInfo)
        {
            var infoParameters = new WmtsFeatureInfoParameters(parameters, Parameter(query, "J"), Parameter(query, "I"), Parameter(query, "INFOFORMAT"));
            return await WmtsFeatureInfoEndpoint.HandleAsync(context, infoParameters, Layers(context), Options(context)).ConfigureAwait(false);
        }

        return await TileAsync(context, parameters).ConfigureAwait(false);
    }

    /// <summary>07-057r7 §10.2.1: the RESTful URL carries the same parameters as path segments; the
    /// ".png" extension stands for Format=image/png.</summary>
    public static Task<IResult> HandleRestTileAsync(HttpContext context, string layer, string style, string tileMatrixSet,
        string tileMatrix, string tileRow, string tileCol) =>
        TileAsync(context, new WmtsTileParameters(layer, style, WmtsCapabilitiesDocument.PngFormat, tileMatrixSet, tileMatrix, tileRow, tileCol));

    /// <summary>The routed RESTful tile: ".png" is the only format offered (07-057r7 §10.2.1); another
    /// extension is InvalidParameterValue on Format, as the KVP FORMAT parameter would be.</summary>
    public static Task<IResult> HandleRestTileWithExtensionAsync(HttpContext context, string layer, string style, string tileMatrixSet,
        string tileMatrix, string tileRow, string tileCol, string extension)
    {
        if (!string.Equals(extension, "png", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(WmtsExceptionReport.ToResult(WmtsError.Invalid("Format",
                $"No tile resource ends in '.{extension}'; this server offers {WmtsCapabilitiesDocument.PngFormat} (.png).")));
        }

        return HandleRestTileAsync(context, layer, style, tileMatrixSet, tileMatrix, tileRow, tileCol);
    }

    public static Task<IResult> HandleRestFeatureInfoAsync(HttpContext context, string layer, string style, string tileMatrixSet,
        string tileMatrix, string tileRow, string tileCol, string j, string i, string extension) =>
        WmtsFeatureInfoEndpoint.HandleRestAsync(context,
            new WmtsTileParameters(layer, style, WmtsCapabilitiesDocument.PngFormat, tileMatrixSet, tileMatrix, tileRow, tileCol),
            j, i, extension, Layers(context), Options(context));

    private static IResult Capabilities(HttpContext context)
    {
        var request = context.Request;
        string baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var document = WmtsCapabilitiesDocument.Build(Layers(context), baseUrl, Options(context));
        return new WmtsXmlResult(WmtsXml.Serialize(document), WmtsCapabilitiesDocument.ContentType, StatusCodes.Status200OK);
    }

    private static async Task<IResult> TileAsync(HttpContext context, WmtsTileParameters parameters)
    {
        if (!WmtsTileRequestValidator.TryValidate(parameters, Layers(context), out var tileRequest, out var error))
        {
            return WmtsExceptionReport.ToResult(error!);
        }

        if (!tileRequest!.Layer.IsDrawnAt(tileRequest.TileMatrixSet, tileRequest.Tile.Zoom))
        {
            // Below the layer's min zoom: nothing is drawn, which is a transparent tile, not an error.
            await WmtsTileResponder.WriteAsync(context, new TileLookup(NothingDrawn, false), Options(context).MaxAgeSeconds).ConfigureAwait(false);
            return Results.Empty;
        }

        var tiles = GridTiles(context.RequestServices);
        var lookup = await tiles.GetTileAsync([tileRequest!.Layer.Layer], tileRequest.TileMatrixSet, tileRequest.Tile, context.RequestAborted)
            .ConfigureAwait(false);
        await WmtsTileResponder.WriteAsync(context, lookup, LayerMaxAge.For([tileRequest.Layer.Layer], Options(context).MaxAgeSeconds)).ConfigureAwait(false);
        return Results.Empty;
    }

    /// <summary>The host's GridRasterTileService when registered, else one per RasterTileService built from the
    /// same cache, so the endpoints work with the services the XYZ endpoints already need.</summary>
    private static GridRasterTileService GridTiles(IServiceProvider services) =>
        services.GetService<GridRasterTileService>()
        ?? FallbackGrids.GetValue(services.GetRequiredService<RasterTileService>(), raster => new GridRasterTileService(
            services.GetRequiredService<ITileCache>(), raster, services.GetService<RequestedLayerSets>()));

    private static IReadOnlyList<WmtsLayer> Layers(HttpContext context)
    {
        var services = context.RequestServices;
        return WmtsLayer.From(services.GetRequiredService<ILayerCatalog>(), services.GetRequiredService<RasterTileService>().Styles);
    }

    private static WmtsOptions Options(HttpContext context) => context.RequestServices.GetService<WmtsOptions>() ?? new WmtsOptions();

    /// <summary>IQueryCollection already matches keys ignoring case; the first value wins when repeated.</summary>
    private static string? Parameter(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}

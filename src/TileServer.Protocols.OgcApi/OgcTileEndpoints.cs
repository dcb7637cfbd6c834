namespace TileServer.Protocols.OgcApi;

using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TileServer.Core.Caching;
using TileServer.Core.Errors;
using TileServer.Core.Layers;
using TileServer.Core.Serialization;
using TileServer.Core.Tiling;
using TileServer.Http;
using TileServer.Services.Caching;
using TileServer.Services.Raster;
using TileServer.Services.Tiles;

/// <summary>OGC API – Tiles 1.0: <c>/tileMatrixSets[/{id}]</c>, collection tilesets <c>/collections/{id}/tiles…</c>
/// and dataset tilesets <c>/tiles…</c> with all layers, each as vector tilesets (MVT) and as map tilesets under
/// <c>…/map/tiles</c> (PNG), in every tile matrix set. The dataset tile route has four plain segments after
/// <c>/tiles</c>; the XYZ routes end in <c>.mvt</c>/<c>.png</c>/<c>.json</c> segments, which routing ranks
/// above plain parameters, so the two never take each other's requests.</summary>
public static class OgcTileEndpoints
{
    private const string TilePath = "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}";

    public static IEndpointRouteBuilder MapOgcTiles(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/tileMatrixSets", methods, (HttpContext c) => OgcApiEndpoints.Guard(() => TileMatrixSetList(c)));
        app.MapMethods("/tileMatrixSets/{tileMatrixSetId}", methods, (HttpContext c, string tileMatrixSetId) => OgcApiEndpoints.Guard(() => TileMatrixSet(c, tileMatrixSetId)));
        foreach (var kind in new[] { TilesetKind.Vector, TilesetKind.Map })
        {
            string tiles = TilesetDocuments.Path(kind);
            app.MapMethods(tiles, methods, (HttpContext c) => OgcApiEndpoints.Guard(() => Tilesets(c, null, kind)));
            app.MapMethods(tiles + "/{tileMatrixSetId}", methods, (HttpContext c, string tileMatrixSetId) => OgcApiEndpoints.Guard(() => Tileset(c, null, tileMatrixSetId, kind)));
            app.MapMethods(tiles + TilePath, methods, (HttpContext c, string tileMatrixSetId, string tileMatrix, string tileRow, string tileCol) =>
                OgcApiEndpoints.GuardAsync(c, () => TileAsync(c, null, tileMatrixSetId, tileMatrix, tileRow, tileCol, kind)));
            app.MapMethods("/collections/{collectionId}" + tiles, methods, (HttpContext c, string collectionId) => OgcApiEndpoints.Guard(() => Tilesets(c, collectionId, kind)));
            app.MapMethods("/collections/{collectionId}" + tiles + "/{tileMatrixSetId}", methods, (HttpContext c, string collectionId, string tileMatrixSetId) =>
                OgcApiEndpoints.Guard(() => Tileset(c, collectionId, tileMatrixSetId, kind)));
            app.MapMethods("/collections/{collectionId}" + tiles + TilePath, methods,
                (HttpContext c, string collectionId, string tileMatrixSetId, string tileMatrix, string tileRow, string tileCol) =>
                    OgcApiEndpoints.GuardAsync(c, () => TileAsync(c, collectionId, tileMatrixSetId, tileMatrix, tileRow, tileCol, kind)));
        }

        return app;
    }

    private static IResult TileMatrixSetList(HttpContext context)
    {
        string baseUrl = RequestUrls.Base(context.Request);
        if (FormatNegotiation.Choose(context.Request) == OgcFormat.Html)
        {
            var page = new HtmlPage("Tile matrix sets", $"{baseUrl}/tileMatrixSets?f=json", ($"{baseUrl}/?f=html", "Home")).StartTable("Id", "Title", "CRS");
            foreach (var set in TileMatrixSets.All)
                page.Row(new HtmlCell(set.Id, $"{baseUrl}/tileMatrixSets/{set.Id}?f=json", Code: true), set.Title, set.CrsUri);
            return OgcApiEndpoints.Html(page.EndTable().ToString());
        }

        return OgcApiEndpoints.Json(TileMatrixSetDocuments.List(baseUrl).ToJsonString(JsonOutput.Options));
    }

    private static IResult TileMatrixSet(HttpContext context, string id) =>
        TileMatrixSets.TryGet(id, out var set) && set.Id == id
            ? OgcApiEndpoints.Json(TileMatrixSetDocuments.Document(set).ToJsonString(JsonOutput.Options))
            : OgcProblems.NotFound($"no tile matrix set '{id}' (sets: {string.Join(", ", TileMatrixSets.All.Select(s => s.Id))})");

    private static (IReadOnlyList<PublishedLayer> Layers, string Root, string Title) Scope(HttpContext context, string? collectionId)
    {
        string baseUrl = RequestUrls.Base(context.Request);
        var features = OgcApiEndpoints.Features(context);
        if (collectionId is null)
            return (features.Layers, baseUrl, OgcApiEndpoints.Options(context).Title);
        var layer = features.Layer(collectionId);
        return ([layer], $"{baseUrl}/collections/{Uri.EscapeDataString(layer.Id)}", string.IsNullOrEmpty(layer.Definition.TitleZh) ? layer.Id : layer.Definition.TitleZh);
    }

    private static IResult Tilesets(HttpContext context, string? collectionId, TilesetKind kind)
    {
        var (layers, root, title) = Scope(context, collectionId);
        var document = TilesetDocuments.List(layers, root, title, kind);
        string tiles = root + TilesetDocuments.Path(kind);
        if (FormatNegotiation.Choose(context.Request) == OgcFormat.Html)
        {
            var page = new HtmlPage($"{title} — {TilesetDocuments.DataType(kind)} tilesets", $"{tiles}?f=json", ($"{RequestUrls.Base(context.Request)}/?f=html", "Home")).StartTable("Tileset", "Data type", "CRS");
            foreach (var set in TileMatrixSets.All)
                page.Row(new HtmlCell(set.Id, $"{tiles}/{set.Id}", Code: true), TilesetDocuments.DataType(kind), set.CrsUri);
            return OgcApiEndpoints.Html(page.EndTable().ToString());
        }

        return OgcApiEndpoints.Json(document.ToJsonString(JsonOutput.Options));
    }

    private static IResult Tileset(HttpContext context, string? collectionId, string tileMatrixSetId, TilesetKind kind)
    {
        var (layers, root, title) = Scope(context, collectionId);
        if (!TileMatrixSets.TryGet(tileMatrixSetId, out var set) || set.Id != tileMatrixSetId)
            return OgcProblems.NotFound($"no tile matrix set '{tileMatrixSetId}'");
        return OgcApiEndpoints.Json(TilesetDocuments.Tileset(layers, set, root, title, kind).ToJsonString(JsonOutput.Options));
    }

    private static async Task<IResult> TileAsync(HttpContext context, string? collectionId, string tileMatrixSetId, string tileMatrix, string tileRow, string tileCol, TilesetKind kind)
    {
        var (layers, _, _) = Scope(context, collectionId);
        if (!TileMatrixSets.TryGet(tileMatrixSetId, out var set) || set.Id != tileMatrixSetId)
            return OgcProblems.NotFound($"no tile matrix set '{tileMatrixSetId}'");
        int row = ParseIndex("tileRow", tileRow), col = ParseIndex("tileCol", tileCol);
        var matrix = set.Matrices.FirstOrDefault(m => m.Identifier == tileMatrix);
        if (matrix is null)
            return OgcProblems.NotFound($"{set.Id} has no tile matrix '{tileMatrix}' ({set.Matrices[0].Identifier}–{set.Matrices[^1].Identifier})");
        var tile = new TileCoordinate(matrix.Zoom, col, row);
        // §7.x: a tile outside the tileset's limits does not exist (404), whereas an empty tile inside them is 204.
        if (!matrix.Contains(col, row) || !TilesetLimits.Contains(TilesetLimits.For(layers, set), tile))
            return OgcProblems.NotFound($"tile {tileMatrix}/{row}/{col} lies outside the limits of the tileset in {set.Id}");

        bool png = kind == TilesetKind.Map ? CheckMapFormat(context.Request) : WantsPng(context.Request);
        var services = context.RequestServices;
        // RFC 9111 §5.2.2.1: each layer's own MaxAgeSeconds, as on XYZ and WMTS; a composite (dataset) tile takes the smallest.
        int maxAge = LayerMaxAge.For(layers, OgcApiEndpoints.Options(context).TileMaxAgeSeconds);
        TileLookup lookup;
        if (png)
        {
            lookup = await GridTiles(services).GetTileAsync(layers, set, tile, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            lookup = await services.GetRequiredService<VectorTileService>().GetTileAsync(layers, set, tile, context.RequestAborted).ConfigureAwait(false);
        }

        // 204 No Content for an empty tile: OGC API – Tiles /rec/core/tc-empty. MVT is gzipped when accepted; PNG is deflated already.
        await TileResponseWriter.WriteAsync(context, lookup.Content, lookup.FromCache, png ? OgcMediaTypes.Png : OgcMediaTypes.Mvt, maxAge, compressible: !png).ConfigureAwait(false);
        return Results.Empty;
    }

    private static int ParseIndex(string parameter, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new InvalidParameterException(parameter, $"{parameter} must be a non-negative integer, not '{text}'");

    /// <summary>A map tileset has PNG only: <c>f</c> may be absent or png; anything else is a 400, not a silent PNG.</summary>
    private static bool CheckMapFormat(HttpRequest request)
    {
        string? f = request.Query["f"];
        if (!string.IsNullOrEmpty(f) && !f.Equals("png", StringComparison.OrdinalIgnoreCase))
            throw new InvalidParameterException("f", $"map tiles are PNG only, not '{f}' (vector tiles are under …/tiles)");
        return true;
    }

    /// <summary>On a vector tileset: f=png|mvt decides; else Accept (image/png over the MVT type); else MVT.
    /// PNG stays reachable here because these paths served it before the map tilesets existed.</summary>
    private static bool WantsPng(HttpRequest request)
    {
        string? f = request.Query["f"];
        if (!string.IsNullOrEmpty(f))
        {
            return f.ToLowerInvariant() switch
            {
                "png" => true,
                "mvt" or "pbf" => false,
                _ => throw new InvalidParameterException("f", $"unknown tile format '{f}' (use mvt or png)"),
            };
        }

        double pngQuality = 0, mvtQuality = 0;
        foreach (var media in request.GetTypedHeaders().Accept)
        {
            string type = media.MediaType.Value ?? "";
            if (type.Equals(OgcMediaTypes.Png, StringComparison.OrdinalIgnoreCase))
                pngQuality = Math.Max(pngQuality, media.Quality ?? 1);
            else if (type.Equals(OgcMediaTypes.Mvt, StringComparison.OrdinalIgnoreCase))
                mvtQuality = Math.Max(mvtQuality, media.Quality ?? 1);
        }

        return pngQuality > mvtQuality;
    }

    /// <summary>The host's GridRasterTileService when registered, else one over the registered RasterTileService.</summary>
    private static GridRasterTileService GridTiles(IServiceProvider services) =>
        services.GetService<GridRasterTileService>()
        ?? new GridRasterTileService(services.GetRequiredService<ITileCache>(), services.GetRequiredService<RasterTileService>(), services.GetService<RequestedLayerSets>());
}

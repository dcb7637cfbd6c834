namespace TileServer.Protocols.OgcApi;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TileServer.Core.Errors;
using TileServer.Core.Serialization;
using TileServer.Services.Features;

/// <summary>Maps OGC API – Features Part 1 and 2 (<c>/</c>, <c>/conformance</c>, <c>/api</c>, <c>/collections…</c>)
/// and OGC API – Tiles (<see cref="OgcTileEndpoints"/>). Needs FeatureService in DI; OgcApiOptions is optional.</summary>
public static class OgcApiEndpoints
{
    public static IEndpointRouteBuilder MapOgcApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/", methods, (HttpContext c) => Guard(() => Landing(c)));
        app.MapMethods("/conformance", methods, (HttpContext c) => Guard(() => Conformance(c)));
        app.MapMethods("/api", methods, (HttpContext c) => Guard(() => Api(c)));
        app.MapMethods("/collections", methods, (HttpContext c) => Guard(() => Collections(c)));
        app.MapMethods("/collections/{collectionId}", methods, (HttpContext c, string collectionId) => Guard(() => Collection(c, collectionId)));
        app.MapMethods("/collections/{collectionId}/queryables", methods, (HttpContext c, string collectionId) => Guard(() => Queryables(c, collectionId)));
        app.MapMethods("/collections/{collectionId}/items", methods, (HttpContext c, string collectionId) => GuardAsync(c, () => ItemsAsync(c, collectionId)));
        app.MapMethods("/collections/{collectionId}/items/{featureId}", methods,
            (HttpContext c, string collectionId, string featureId) => GuardAsync(c, () => FeatureAsync(c, collectionId, featureId)));
        app.MapOgcTiles();
        return app;
    }

    internal static OgcApiOptions Options(HttpContext context) => context.RequestServices?.GetService<OgcApiOptions>() ?? new OgcApiOptions();

    internal static FeatureService Features(HttpContext context) => context.RequestServices.GetRequiredService<FeatureService>();

    /// <summary>Turns client errors into problem details: 400 for a bad parameter, 404 for an unknown collection.</summary>
    internal static IResult Guard(Func<IResult> handler)
    {
        try
        {
            return handler();
        }
        catch (InvalidParameterException bad)
        {
            return OgcProblems.BadParameter(bad.Parameter, bad.Message);
        }
        catch (UnknownLayerException unknown)
        {
            return OgcProblems.NotFound($"no collection '{unknown.LayerId}'");
        }
    }

    internal static async Task<IResult> GuardAsync(HttpContext context, Func<Task<IResult>> handler)
    {
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (InvalidParameterException bad) when (!context.Response.HasStarted)
        {
            return OgcProblems.BadParameter(bad.Parameter, bad.Message);
        }
        catch (UnknownLayerException unknown) when (!context.Response.HasStarted)
        {
            return OgcProblems.NotFound($"no collection '{unknown.LayerId}'");
        }
    }

    internal static IResult Json(string json, string contentType = OgcMediaTypes.Json) => Results.Text(json, contentType);

    internal static IResult Html(string html) => Results.Text(html, OgcMediaTypes.HtmlUtf8);

    private static IResult Landing(HttpContext context)
    {
        var format = FormatNegotiation.Choose(context.Request);
        string baseUrl = RequestUrls.Base(context.Request);
        var layers = Features(context).Layers;
        return format == OgcFormat.Html
            ? Html(HtmlViews.Landing(layers, baseUrl, Options(context)))
            : Json(CollectionDocuments.Landing(layers, baseUrl, Options(context)).ToJsonString(JsonOutput.Options));
    }

    private static IResult Conformance(HttpContext context) =>
        FormatNegotiation.Choose(context.Request) == OgcFormat.Html
            ? Html(HtmlViews.Conformance(RequestUrls.Base(context.Request)))
            : Json(CollectionDocuments.Conformance().ToJsonString(JsonOutput.Options));

    private static IResult Api(HttpContext context)
    {
        string baseUrl = RequestUrls.Base(context.Request);
        var document = OpenApiDocument.Build(Features(context).Layers, baseUrl, Options(context));
        return FormatNegotiation.Choose(context.Request) == OgcFormat.Html
            ? Html(OpenApiDocument.Html(document, baseUrl))
            : Json(document.ToJsonString(JsonOutput.Options), OgcMediaTypes.OpenApi);
    }

    private static IResult Collections(HttpContext context)
    {
        string baseUrl = RequestUrls.Base(context.Request);
        var layers = Features(context).Layers;
        return FormatNegotiation.Choose(context.Request) == OgcFormat.Html
            ? Html(HtmlViews.Collections(layers, baseUrl))
            : Json(CollectionDocuments.Collections(layers, baseUrl).ToJsonString(JsonOutput.Options));
    }

    private static IResult Collection(HttpContext context, string collectionId)
    {
        var layer = Features(context).Layer(collectionId);
        string baseUrl = RequestUrls.Base(context.Request);
        return FormatNegotiation.Choose(context.Request) == OgcFormat.Html
            ? Html(HtmlViews.Collection(layer, baseUrl))
            : Json(CollectionDocuments.Collection(layer, baseUrl).ToJsonString(JsonOutput.Options));
    }

    private static IResult Queryables(HttpContext context, string collectionId)
    {
        var layer = Features(context).Layer(collectionId);
        string baseUrl = RequestUrls.Base(context.Request);
        var schema = CollectionDocuments.Queryables(layer, baseUrl);
        if (FormatNegotiation.Choose(context.Request) == OgcFormat.Html)
        {
            var page = new HtmlPage($"{layer.Id} — queryables", $"{baseUrl}/collections/{Uri.EscapeDataString(layer.Id)}/queryables?f=json",
                ($"{baseUrl}/?f=html", "Home"), ($"{baseUrl}/collections/{Uri.EscapeDataString(layer.Id)}?f=html", layer.Id)).StartTable("Name", "Title", "Type");
            foreach (var field in layer.ExposedFields)
                page.Row(new HtmlCell(field.Name, Code: true), field.TitleZh, field.Type.ToString());
            return Html(page.EndTable().ToString());
        }

        return Json(schema.ToJsonString(JsonOutput.Options), OgcMediaTypes.JsonSchema);
    }

    private static async Task<IResult> ItemsAsync(HttpContext context, string collectionId)
    {
        var features = Features(context);
        var layer = features.Layer(collectionId);
        var format = FormatNegotiation.Choose(context.Request);
        var query = ItemsQueryParser.Parse(context.Request.Query, layer, Options(context));
        if (format == OgcFormat.Html)
            return Html(await ItemsResponder.HtmlAsync(context, features, query).ConfigureAwait(false));
        await ItemsResponder.WriteGeoJsonAsync(context, features, query).ConfigureAwait(false);
        return Results.Empty;
    }

    private static async Task<IResult> FeatureAsync(HttpContext context, string collectionId, string featureId)
    {
        var features = Features(context);
        var layer = features.Layer(collectionId);
        var format = FormatNegotiation.Choose(context.Request);
        foreach (string name in context.Request.Query.Keys)
        {
            if (name is not ("f" or "crs"))
                throw new InvalidParameterException(name, $"unknown parameter '{name}' (allowed: f, crs)");
        }

        var crs = OgcCrs.Parse("crs", context.Request.Query["crs"]);
        var item = await FeatureResponder.FindAsync(features, layer.Id, featureId, crs, context.RequestAborted).ConfigureAwait(false);
        if (item is null)
            return OgcProblems.NotFound($"collection '{layer.Id}' has no feature '{featureId}'");
        if (format == OgcFormat.Html)
            return Html(FeatureResponder.Html(context.Request, layer.Id, item));
        context.Response.Headers["Content-Crs"] = OgcCrs.HeaderValue(crs);
        return Json(FeatureResponder.Json(context.Request, layer.Id, item, crs), OgcMediaTypes.GeoJson);
    }
}

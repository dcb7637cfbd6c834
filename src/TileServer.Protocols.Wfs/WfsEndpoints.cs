namespace TileServer.Protocols.Wfs;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TileServer.Core.Errors;
using TileServer.Services.Features;

/// <summary>Maps WFS 2.0.0 (OGC 09-025r2) at <c>/wfs</c>: KVP GET for every operation and XML POST for
/// GetFeature. Needs FeatureService in DI; WfsOptions is optional. Every client error becomes an OWS
/// ExceptionReport with its code, locator and HTTP status, never a 500.</summary>
public static class WfsEndpoints
{
    public const string Route = "/wfs";

    public static IEndpointRouteBuilder MapWfs(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMethods(Route, [HttpMethods.Get, HttpMethods.Head], (Delegate)HandleGetAsync);
        app.MapPost(Route, (Delegate)HandlePostAsync);
        return app;
    }

    public static Task<IResult> HandleGetAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = WfsParameters.From(context.Request.Query);
        return GuardAsync(context, () => DispatchAsync(context, parameters));
    }

    public static Task<IResult> HandlePostAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return GuardAsync(context, () => WfsPostRequest.HandleAsync(context, Features(context), Options(context)));
    }

    private static async Task<IResult> DispatchAsync(HttpContext context, WfsParameters p)
    {
        string service = p.Required("service");
        if (!service.Equals("WFS", StringComparison.OrdinalIgnoreCase))
            throw WfsException.Invalid("service", $"service '{service}' is not WFS");
        string request = p.Required("request");
        var features = Features(context);
        var options = Options(context);
        if (request.Equals("GetCapabilities", StringComparison.OrdinalIgnoreCase))
        {
            // 06-121r3 §7.3.2: a client may list acceptable versions; none of them 2.0.0 → VersionNegotiationFailed.
            if (p["acceptVersions"] is { } accepted && !accepted.Split(',').Any(v => v.Trim() is "2.0.0" or "2.0.2"))
                throw new WfsException(WfsException.VersionNegotiationFailed, "acceptVersions", $"no version of '{accepted}' is offered; this server speaks 2.0.0");
            return Xml(WfsCapabilitiesDocument.Build(features.Layers, Endpoint(context), options), WfsCapabilitiesDocument.ContentType);
        }

        // 09-025r2 §7.6.2.4 (Table 5): VERSION is mandatory for every operation but GetCapabilities.
        string version = p.Required("version");
        if (version is not ("2.0.0" or "2.0.2"))
            throw WfsException.Invalid("version", $"version '{version}' is not supported; use 2.0.0");
        switch (request.ToUpperInvariant())
        {
            case "DESCRIBEFEATURETYPE":
                if (p["outputFormat"] is { } format && WfsKvpQuery.Json(format))
                    throw WfsException.Invalid("outputFormat", "DescribeFeatureType answers in GML 3.2 application schema only");
                string? typeNames = p["typeNames"] ?? p["typeName"];
                var bindings = WfsTypeNames.Bindings(p);
                var layers = typeNames is null
                    ? features.Layers
                    : typeNames.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                        .Select(n => WfsKvpQuery.LayerOf(features, WfsTypeNames.LocalName(n, bindings, options, "typeNames"), "typeNames")).ToArray();
                return Xml(WfsSchemaDocument.Build(layers, options), WfsSchemaDocument.ContentType);
            case "GETFEATURE":
                await WfsFeatureResponder.RespondAsync(context, WfsKvpQuery.Parse(p, features, options), features, options, PageUrl(context, p))
                    .ConfigureAwait(false);
                return Results.Empty;
            case "GETPROPERTYVALUE":
                if (p["outputFormat"] is { } valueFormat && WfsKvpQuery.Json(valueFormat))
                    throw WfsException.Invalid("outputFormat", "GetPropertyValue answers a wfs:ValueCollection in XML only");
                string valueReference = p.Required("valueReference");
                var query = WfsKvpQuery.Parse(p, features, options);
                string reference = new WfsPropertyNames(query.Layer, WfsTypeNames.Bindings(p), options).LocalName(valueReference, "valueReference");
                bool geometry = reference == WfsFeatureTypes.GeometryProperty(query.Layer);
                if (!geometry)
                    FeatureService.Field(query.Layer, reference, "valueReference");
                query = query with { Properties = geometry ? [] : [reference], IncludeGeometry = geometry, Json = false, SingleFeature = false };
                await WfsFeatureResponder.RespondAsync(context, query, features, options, PageUrl(context, p), reference).ConfigureAwait(false);
                return Results.Empty;
            case "LISTSTOREDQUERIES":
                return Xml(WfsStoredQueries.List(features.Layers, options), WfsCapabilitiesDocument.ContentType);
            case "DESCRIBESTOREDQUERIES":
                var ids = p["storedQuery_Id"]?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                return Xml(WfsStoredQueries.Describe(features.Layers, options, ids), WfsCapabilitiesDocument.ContentType);
            default:
                throw new WfsException(WfsException.OperationNotSupported, "request", $"operation '{request}' is not offered (see OperationsMetadata)");
        }
    }

    /// <summary>Turns every client error into an ExceptionReport, as long as nothing has been sent yet.</summary>
    private static async Task<IResult> GuardAsync(HttpContext context, Func<Task<IResult>> handler)
    {
        WfsException error;
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (WfsException wfs)
        {
            error = wfs;
        }
        catch (InvalidParameterException invalid)
        {
            error = WfsException.Invalid(Locator(invalid.Parameter), invalid.Message);
        }
        catch (UnknownLayerException unknown)
        {
            error = WfsException.Invalid("typeNames", unknown.Message);
        }
        catch (NotSupportedException unsupported)
        {
            error = new WfsException(WfsException.OperationProcessingFailed, null, unsupported.Message);
        }
        catch (SourceUnavailableException unavailable) when (!context.Response.HasStarted)
        {
            // An outage is temporary: 503 with Retry-After, as on the tile endpoints, but as an ExceptionReport.
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(unavailable.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var report = new WfsException(WfsException.OperationProcessingFailed, null, "the data source is not answering; retry later");
            return new WfsXmlResult(WfsXml.Serialize(WfsExceptionReport.Build(report)), WfsExceptionReport.ContentType, StatusCodes.Status503ServiceUnavailable);
        }

        if (context.Response.HasStarted)
        {
            context.Abort(); // a half-written document must not look complete
            return Results.Empty;
        }

        return WfsExceptionReport.ToResult(error);
    }

    /// <summary>FeatureService parameter names → the WFS parameters they came from.</summary>
    private static string Locator(string parameter) => parameter switch
    {
        "properties" => "propertyName",
        "offset" => "startIndex",
        "limit" => "count",
        _ => parameter,
    };

    internal static IResult Xml(System.Xml.Linq.XDocument document, string contentType) =>
        new WfsXmlResult(WfsXml.Serialize(document), contentType, StatusCodes.Status200OK);

    internal static string Endpoint(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{Route}";

    internal static Func<long, string> PageUrl(HttpContext context, WfsParameters p) =>
        startIndex => $"{Endpoint(context)}?{p.QueryStringWith("startIndex", startIndex.ToString(System.Globalization.CultureInfo.InvariantCulture))}";

    internal static FeatureService Features(HttpContext context) => context.RequestServices.GetRequiredService<FeatureService>();

    internal static WfsOptions Options(HttpContext context) => context.RequestServices.GetService<WfsOptions>() ?? new WfsOptions();
}

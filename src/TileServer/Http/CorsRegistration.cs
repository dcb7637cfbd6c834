namespace TileServer.Http;

/// <summary>Cross-origin access for browser map clients (Fetch standard, CORS protocol; OGC API – Features
/// 17-069r4 recommendation /rec/core/cross-origin). Everything the server publishes is public and read-only,
/// so any origin may read it: GET and HEAD, plus POST for WFS GetFeature (its text/xml body needs a
/// preflight, hence Content-Type among the allowed headers). X-Api-Key is deliberately not allowed, so the
/// admin purge cannot be driven from a page of another origin. Scripts may read the validators and paging
/// headers (ETag, X-Cache, Link, Content-Crs, Retry-After) that the protocols document.</summary>
public static class CorsRegistration
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST"];
    private static readonly string[] RequestHeaders = ["Content-Type", "Accept", "Accept-Language", "If-None-Match", "If-Modified-Since"];
    private static readonly string[] ExposedHeaders = ["ETag", "X-Cache", "Link", "Content-Crs", "Retry-After"];

    public static IServiceCollection AddPublicCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .AllowAnyOrigin()
            .WithMethods(Methods)
            .WithHeaders(RequestHeaders)
            .WithExposedHeaders(ExposedHeaders)
            // Preflight answers may be cached by the browser for a day (Fetch: Access-Control-Max-Age).
            .SetPreflightMaxAge(TimeSpan.FromDays(1))));
}

namespace TileServer.Http;

using Microsoft.Extensions.FileProviders;
using TileServer.Configuration;
using TileServer.Protocols.OgcApi;
using TileServer.Viewer;

/// <summary>The built-in map viewer: the bundle of <c>viewer/</c> (built into <c>viewer/dist</c> by the
/// TileServer project's build, see docs/viewer.md) served at <c>/viewer/</c>, and the configuration it reads,
/// <c>/viewer/config.json</c>, generated from the layer catalog, the styles and the xzq layer.</summary>
public static class ViewerRegistration
{
    public const string Path = "/viewer";

    /// <summary>RFC 9110 §9.1: HEAD wherever GET is served.</summary>
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static WebApplication MapViewer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        string dist = System.IO.Path.Combine(ProjectPaths.FindRoot(), "viewer", "dist");
        app.Services.GetService<OgcApiOptions>()?.LandingLinks.Add(new OgcLandingLink
        {
            Path = $"{Path}/", Rel = "related", Type = "text/html", Title = "地图浏览 Map viewer",
        });
        app.MapMethods($"{Path}/config.json", GetOrHead, ViewerConfigEndpoint.HandleAsync);
        if (!File.Exists(System.IO.Path.Combine(dist, "index.html")))
        {
            // Started from a tree whose viewer was never built (dotnet build -p:BuildViewer=false): say so
            // instead of a bare 404, so the landing page link explains itself.
            app.MapMethods($"{Path}/{{**file}}", GetOrHead, () => Results.Problem(
                detail: $"the viewer is not built: run 'npm ci && npm run build' in viewer/ (looked for {dist}/index.html)",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Viewer not built"));
            return app;
        }

        var files = new PhysicalFileProvider(dist);
        string index = System.IO.Path.Combine(dist, "index.html");
        // Routing matches /viewer and /viewer/ alike; the page's relative links (viewer.js, config.json, ../tiles)
        // need the trailing slash, so the bare form redirects.
        app.MapMethods(Path, GetOrHead, (HttpContext context) => context.Request.Path.Value!.EndsWith('/')
            ? Results.File(index, "text/html; charset=utf-8")
            : Results.Redirect($"{context.Request.PathBase}{Path}/"));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            // The bundle keeps fixed names (viewer.js, viewer.css), so browsers must revalidate after a rebuild.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}

namespace TileServer.Protocols.Wfs.Tests;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using TileServer.Core.Features;
using TileServer.Core.Layers;
using TileServer.Services.Features;
using TileServer.Services.Layers;

/// <summary>One layer "ghyd" of three 0.01° squares in 平泉市 (118.70–118.75°E, 40.90–40.91°N; Gauss-Krüger
/// zone 40 with central meridian 120°E: EPSG:4528 and EPSG:4549), and helpers to run the endpoint in memory.</summary>
internal static class WfsTestData
{
    public static readonly FieldDefinition[] Fields = [new("bsm", FieldType.Text), new("ydyhflmc", FieldType.Text), new("mj", FieldType.Real), new("zs", FieldType.Integer)];

    private static readonly GeometryFactory Factory = new();

    public static MultiPolygon Square(double lon, double lat, double size) => Factory.CreateMultiPolygon([Factory.CreatePolygon([
        new(lon, lat), new(lon + size, lat), new(lon + size, lat + size), new(lon, lat + size), new(lon, lat)])]);

    public static (FeatureService Service, FakeFeatureSource Source) Create()
    {
        var source = new FakeFeatureSource("ghyd", Fields, [
            (Square(118.70, 40.90, 0.01), ["1", "旱地", 1200.5, 3L]),
            (Square(118.72, 40.90, 0.01), ["2", "城镇住宅用地 <&>", 80.0, null]),
            (Square(118.74, 40.90, 0.01), ["3", "乔木林地", 90000.0, 7L]),
        ]);
        var layer = new LayerDefinition
        {
            Id = "ghyd", Source = "memory", Table = "ghyd", IdField = "bsm", TitleZh = "规划用地用海", TitleEn = "Planned land and sea use",
            Attributes = ["bsm", "ydyhflmc", "mj", "zs"],
        };
        return (new FeatureService(new LayerCatalog([layer], [source])), source);
    }

    public static PublishedLayer Layer(FeatureService service) => service.Layer("ghyd");

    /// <summary>Runs a GET (query string) or POST (XML body) against the endpoint; returns status, content type and body.</summary>
    public static async Task<(int Status, string? ContentType, string Body)> RunAsync(FeatureService service, string query, string? postBody = null, WfsOptions? options = null)
    {
        var services = new ServiceCollection().AddSingleton(service);
        if (options is not null)
            services.AddSingleton(options);
        var context = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("wfs.test");
        context.Request.Path = "/wfs";
        context.Request.Method = postBody is null ? "GET" : "POST";
        context.Request.QueryString = new QueryString(query);
        if (postBody is not null)
            context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(postBody));
        var body = new MemoryStream();
        context.Response.Body = body;
        var result = postBody is null ? await WfsEndpoints.HandleGetAsync(context) : await WfsEndpoints.HandlePostAsync(context);
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.ContentType, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}

namespace TileServer.Protocols.OgcApi.Tests;

using Microsoft.AspNetCore.Http;
using TileServer.Core.Errors;
using TileServer.Protocols.OgcApi.Tests.Support;

public sealed class DocumentTests
{
    [Fact]
    public void Html_pages_encode_titles_and_links()
    {
        string html = new HtmlPage("<script>", "http://x/?a=1&b=2").Row(new HtmlCell("\"quoted\"", "http://x/\"q")).ToString();
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://x/?a=1&amp;b=2\"", html, StringComparison.Ordinal);
        Assert.Contains("&quot;quoted&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_is_chosen_by_f_then_accept_quality_then_json()
    {
        static OgcFormat Choose(string query, string? accept)
        {
            var context = new DefaultHttpContext();
            context.Request.QueryString = new QueryString(query);
            if (accept is not null)
                context.Request.Headers.Accept = accept;
            return FormatNegotiation.Choose(context.Request);
        }

        Assert.Equal(OgcFormat.Html, Choose("?f=html", "application/json"));
        Assert.Equal(OgcFormat.Json, Choose("?f=json", "text/html"));
        Assert.Equal(OgcFormat.Html, Choose("", "text/html,application/xhtml+xml,*/*;q=0.8"));
        Assert.Equal(OgcFormat.Json, Choose("", "application/geo+json, application/json"));
        Assert.Equal(OgcFormat.Json, Choose("", "text/html;q=0.5, application/json"));
        Assert.Equal(OgcFormat.Json, Choose("", null));
        Assert.Equal("f", Assert.Throws<InvalidParameterException>(() => Choose("?f=xml", null)).Parameter);
    }

    [Fact]
    public void Request_urls_replace_and_append_parameters_in_order()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("maps.example.org");
        context.Request.PathBase = "/ts";
        context.Request.Path = "/collections/ghyd/items";
        context.Request.QueryString = new QueryString("?ydyhflmc=%E6%97%B1%E5%9C%B0&offset=10&limit=5");
        Assert.Equal("https://maps.example.org/ts/collections/ghyd/items?ydyhflmc=%E6%97%B1%E5%9C%B0&offset=15&limit=5&f=json",
            RequestUrls.WithQuery(context.Request, ("offset", "15"), ("f", "json")));
        Assert.Equal("https://maps.example.org/ts/collections/ghyd/items?ydyhflmc=%E6%97%B1%E5%9C%B0&limit=5",
            RequestUrls.WithQuery(context.Request, ("offset", null)));
    }

    [Fact]
    public void Openapi_document_declares_every_collection_path_and_its_property_filters()
    {
        var (service, _) = SampleCatalog.Create();
        var document = OpenApiDocument.Build(service.Layers, "http://example.org", new OgcApiOptions { MaxLimit = 500 });
        var paths = document["paths"]!.AsObject();
        foreach (string path in new[] { "/", "/conformance", "/api", "/collections", "/collections/ghyd", "/collections/ghyd/items",
                     "/collections/ghyd/items/{featureId}", "/collections/ghyd/queryables", "/collections/ghyd/tiles", "/tileMatrixSets",
                     "/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}" })
            Assert.True(paths.ContainsKey(path), path);
        var parameters = paths["/collections/ghyd/items"]!["get"]!["parameters"]!.AsArray();
        Assert.Contains(parameters, p => p!["name"]?.GetValue<string>() == "mj" && p["schema"]!["type"]!.GetValue<string>() == "number");
        Assert.Equal(500, document["components"]!["parameters"]!["limit"]!["schema"]!["maximum"]!.GetValue<int>());
        var operationIds = paths.Select(p => p.Value!["get"]!["operationId"]!.GetValue<string>()).ToList();
        Assert.Equal(operationIds.Count, operationIds.Distinct().Count());
    }

    [Fact]
    public void Conformance_lists_part_2_crs_and_tiles_core()
    {
        var classes = CollectionDocuments.Conformance()["conformsTo"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core", classes);
        Assert.Equal(classes.Count, classes.Distinct().Count());
    }
}

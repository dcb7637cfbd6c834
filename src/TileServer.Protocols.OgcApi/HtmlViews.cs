namespace TileServer.Protocols.OgcApi;

using System.Globalization;
using TileServer.Core.Layers;

/// <summary>The HTML representations of the landing page, conformance, collections and one collection.</summary>
public static class HtmlViews
{
    public static string Landing(IReadOnlyList<PublishedLayer> layers, string baseUrl, OgcApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(options);
        var page = new HtmlPage(options.Title, $"{baseUrl}/?f=json")
            .Paragraph(options.Description)
            .Link($"{baseUrl}/collections?f=html", "Collections 要素集合")
            .Link($"{baseUrl}/conformance?f=html", "Conformance")
            .Link($"{baseUrl}/api?f=html", "API definition (OpenAPI 3.0)")
            .Link($"{baseUrl}/tileMatrixSets?f=html", "Tile matrix sets");
        foreach (var link in options.LandingLinks)
        {
            page.Link($"{baseUrl}{link.Path}", link.Title);
        }

        page.StartTable("Layer", "名称", "Name", "Zooms", "Features", "Links");
        foreach (var layer in layers)
        {
            var d = layer.Definition;
            page.Row(new HtmlCell(d.Id, Code: true), d.TitleZh, d.TitleEn, $"{d.MinZoom}–{d.MaxZoom}",
                layer.Info.FeatureCount.ToString(CultureInfo.InvariantCulture),
                new HtmlCell("Features", $"{baseUrl}/collections/{Uri.EscapeDataString(d.Id)}/items?f=html"));
        }

        return page.EndTable().ToString();
    }

    public static string Conformance(string baseUrl)
    {
        var page = new HtmlPage("Conformance", $"{baseUrl}/conformance?f=json", ($"{baseUrl}/?f=html", "Home")).StartTable("Conformance class");
        foreach (string uri in OgcConformance.Classes)
            page.Row(new HtmlCell(uri, uri));
        return page.EndTable().ToString();
    }

    public static string Collections(IReadOnlyList<PublishedLayer> layers, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var page = new HtmlPage("Collections", $"{baseUrl}/collections?f=json", ($"{baseUrl}/?f=html", "Home"))
            .StartTable("Collection", "名称", "Name", "Features");
        foreach (var layer in layers)
        {
            var d = layer.Definition;
            page.Row(new HtmlCell(d.Id, $"{baseUrl}/collections/{Uri.EscapeDataString(d.Id)}?f=html", Code: true), d.TitleZh, d.TitleEn,
                new HtmlCell(layer.Info.FeatureCount.ToString(CultureInfo.InvariantCulture), $"{baseUrl}/collections/{Uri.EscapeDataString(d.Id)}/items?f=html"));
        }

        return page.EndTable().ToString();
    }

    public static string Collection(PublishedLayer layer, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var d = layer.Definition;
        string self = $"{baseUrl}/collections/{Uri.EscapeDataString(d.Id)}";
        var extent = layer.Info.Extent;
        var page = new HtmlPage(string.IsNullOrEmpty(d.TitleZh) ? d.Id : d.TitleZh, $"{self}?f=json",
                ($"{baseUrl}/?f=html", "Home"), ($"{baseUrl}/collections?f=html", "Collections"))
            .Paragraph($"{d.Id} — {d.TitleEn}")
            .Paragraph(extent.IsEmpty ? "Extent: empty" : string.Create(CultureInfo.InvariantCulture,
                $"Extent (CRS84): {extent.MinX}, {extent.MinY}, {extent.MaxX}, {extent.MaxY}"))
            .Paragraph($"Storage CRS: {OgcCrs.StorageCrsUri}")
            .Link($"{self}/items?f=html", "Features 要素")
            .Link($"{self}/queryables?f=html", "Queryables")
            .Link($"{self}/tiles?f=html", "Vector tilesets (MVT)")
            .Link($"{self}/map/tiles?f=html", "Map tilesets (PNG)")
            .Heading("Properties 属性")
            .StartTable("Name", "Title", "Type");
        foreach (var field in layer.ExposedFields)
            page.Row(new HtmlCell(field.Name, Code: true), field.TitleZh, field.Type.ToString());
        return page.EndTable().ToString();
    }
}

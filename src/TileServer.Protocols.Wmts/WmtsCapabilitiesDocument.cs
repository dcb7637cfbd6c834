namespace TileServer.Protocols.Wmts;

using System.Globalization;
using System.Xml.Linq;
using TileServer.Core.Tiling;
using TileServer.Services.Styles;

/// <summary>Builds the WMTS 1.0.0 ServiceMetadata (Capabilities) document, OGC 07-057r7 §7.1: service
/// identification, operations metadata for the KVP and RESTful encodings, the layers and the tile matrix
/// sets. Deterministic for the same layers and base URL, so every spelling of the request gets the same
/// bytes.</summary>
public static class WmtsCapabilitiesDocument
{
    public const string ContentType = "text/xml; charset=utf-8";
    public const string PngFormat = "image/png";
    public const string Version = "1.0.0";

    private static readonly XNamespace Wmts = WmtsNamespaces.Wmts;
    private static readonly XNamespace Ows = WmtsNamespaces.Ows;
    private static readonly XNamespace XLink = WmtsNamespaces.XLink;

    /// <param name="baseUrl">Scheme, host and path base, without a trailing slash.</param>
    public static XDocument Build(IReadOnlyList<WmtsLayer> layers, string baseUrl, WmtsOptions options)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(options);
        var contents = new XElement(Wmts + "Contents");
        foreach (WmtsLayer layer in layers)
        {
            contents.Add(LayerElement(layer, baseUrl));
        }

        foreach (TileMatrixSet set in WmtsTileMatrixSets.Defined)
        {
            contents.Add(TileMatrixSetElement(set));
        }

        var root = new XElement(Wmts + "Capabilities",
            new XAttribute(XNamespace.Xmlns + "ows", Ows.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xlink", XLink.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xsi", WmtsNamespaces.Xsi.NamespaceName),
            new XAttribute(WmtsNamespaces.Xsi + "schemaLocation", WmtsNamespaces.CapabilitiesSchemaLocation),
            new XAttribute("version", "1.0.0"),
            ServiceIdentification(options),
            OperationsMetadata(baseUrl),
            contents,
            // 07-057r7 §10.2: RESTful servers point to their capabilities resource.
            new XElement(Wmts + "ServiceMetadataURL", new XAttribute(XLink + "href", baseUrl + WmtsRoutes.RestCapabilities)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
    }

    /// <summary>06-121r3 §7.4.4: titles and abstracts are LanguageStringType, repeatable per xml:lang.</summary>
    private static XElement ServiceIdentification(WmtsOptions options) =>
        new(Ows + "ServiceIdentification",
            Localized("Title", options.TitleZh, options.TitleEn),
            Localized("Abstract", options.AbstractZh, options.AbstractEn),
            new XElement(Ows + "ServiceType", "OGC WMTS"),
            new XElement(Ows + "ServiceTypeVersion", Version));

    /// <summary>06-121r3 §7.4.6 and 07-057r7 §8.1 / §10.1: each operation lists its HTTP GET endpoints with a
    /// GetEncoding constraint (KVP or RESTful) so clients pick the encoding they support.</summary>
    private static XElement OperationsMetadata(string baseUrl) =>
        new(Ows + "OperationsMetadata",
            Operation("GetCapabilities", (baseUrl + WmtsRoutes.Kvp + "?", "KVP"), (baseUrl + WmtsRoutes.RestCapabilities, "RESTful")),
            Operation("GetTile", (baseUrl + WmtsRoutes.Kvp + "?", "KVP"), (baseUrl + WmtsRoutes.RestRoot + "/", "RESTful")),
            Operation("GetFeatureInfo", (baseUrl + WmtsRoutes.Kvp + "?", "KVP"), (baseUrl + WmtsRoutes.RestRoot + "/", "RESTful")));

    private static XElement Operation(string name, params (string Href, string Encoding)[] gets)
    {
        var http = new XElement(Ows + "HTTP");
        foreach (var (href, encoding) in gets)
        {
            http.Add(new XElement(Ows + "Get", new XAttribute(XLink + "href", href),
                new XElement(Ows + "Constraint", new XAttribute("name", "GetEncoding"),
                    new XElement(Ows + "AllowedValues", new XElement(Ows + "Value", encoding)))));
        }

        return new XElement(Ows + "Operation", new XAttribute("name", name), new XElement(Ows + "DCP", http));
    }

    /// <summary>07-057r7 §7.1.1.1.1 Table 6 (LayerType): element order follows the schema sequence.</summary>
    private static XElement LayerElement(WmtsLayer layer, string baseUrl)
    {
        var definition = layer.Layer.Definition;
        var element = new XElement(Wmts + "Layer",
            Localized("Title", Or(definition.TitleZh, layer.Id), Or(definition.TitleEn, layer.Id)));
        var extent = layer.Layer.Info.Extent;
        if (!extent.IsEmpty)
        {
            // 06-121r3 §10.2.2: WGS84BoundingBox is always longitude then latitude, in decimal degrees.
            element.Add(new XElement(Ows + "WGS84BoundingBox", new XAttribute("crs", "urn:ogc:def:crs:OGC:2:84"),
                new XElement(Ows + "LowerCorner", Pair(extent.MinX, extent.MinY)),
                new XElement(Ows + "UpperCorner", Pair(extent.MaxX, extent.MaxY))));
        }

        var style = layer.Style.Painter.Style;
        var legend = StyleLegends.For(style);
        element.Add(
            new XElement(Ows + "Identifier", layer.Id),
            new XElement(Wmts + "Style", new XAttribute("isDefault", "true"),
                Localized("Title", style.Title.Zh, style.Title.En),
                new XElement(Ows + "Identifier", layer.StyleId),
                // 07-057r7 §7.1.1.1.1 (Style): LegendURL is an online resource carrying the image's format and size.
                new XElement(Wmts + "LegendURL", new XAttribute("format", PngFormat),
                    new XAttribute(XLink + "href", StyleLegends.PngUrl(baseUrl, style.Id)),
                    new XAttribute("width", Integer(legend.Width)), new XAttribute("height", Integer(legend.Height)))),
            new XElement(Wmts + "Format", PngFormat));
        foreach (WmtsInfoFormat info in WmtsInfoFormat.All)
        {
            element.Add(new XElement(Wmts + "InfoFormat", info.MediaType));
        }

        foreach (TileMatrixSet set in WmtsTileMatrixSets.Served)
        {
            element.Add(TileMatrixSetLink(set, layer.LimitsIn(set)));
        }

        // 07-057r7 §10.2.1: the template variables are the identifiers of the RESTful tile resource.
        string template = $"{baseUrl}{WmtsRoutes.RestRoot}/{layer.Id}/{{Style}}/{{TileMatrixSet}}/{{TileMatrix}}/{{TileRow}}/{{TileCol}}.png";
        element.Add(new XElement(Wmts + "ResourceURL",
            new XAttribute("format", PngFormat), new XAttribute("resourceType", "tile"), new XAttribute("template", template)));
        foreach (WmtsInfoFormat info in WmtsInfoFormat.All)
        {
            string infoTemplate = $"{baseUrl}{WmtsRoutes.RestRoot}/{layer.Id}/{{Style}}/{{TileMatrixSet}}/{{TileMatrix}}/{{TileRow}}/{{TileCol}}/{{J}}/{{I}}.{info.Extension}";
            element.Add(new XElement(Wmts + "ResourceURL",
                new XAttribute("format", info.MediaType), new XAttribute("resourceType", "FeatureInfo"), new XAttribute("template", infoTemplate)));
        }

        return element;
    }

    /// <summary>07-057r7 §7.1.1.1.3 / Table 8: limits tell clients which tiles exist, one TileMatrixLimits per
    /// tile matrix the layer is drawn at.</summary>
    private static XElement TileMatrixSetLink(TileMatrixSet set, IReadOnlyList<TileMatrixLimits> limits)
    {
        var link = new XElement(Wmts + "TileMatrixSetLink", new XElement(Wmts + "TileMatrixSet", set.Id));
        if (limits.Count > 0)
        {
            var setLimits = new XElement(Wmts + "TileMatrixSetLimits");
            foreach (TileMatrixLimits limit in limits)
            {
                setLimits.Add(new XElement(Wmts + "TileMatrixLimits",
                    new XElement(Wmts + "TileMatrix", limit.TileMatrix),
                    new XElement(Wmts + "MinTileRow", Integer(limit.MinRow)),
                    new XElement(Wmts + "MaxTileRow", Integer(limit.MaxRow)),
                    new XElement(Wmts + "MinTileCol", Integer(limit.MinColumn)),
                    new XElement(Wmts + "MaxTileCol", Integer(limit.MaxColumn))));
            }

            link.Add(setLimits);
        }

        return link;
    }

    /// <summary>07-057r7 §6.1 and §7.1.1.1.2 Tables 9–10. TopLeftCorner is in the CRS axis order ("90 -180"
    /// for EPSG:4490); ScaleDenominator is printed round-trip so clients recover the exact cell size.</summary>
    private static XElement TileMatrixSetElement(TileMatrixSet set)
    {
        var element = new XElement(Wmts + "TileMatrixSet",
            new XElement(Ows + "Title", set.Title),
            new XElement(Ows + "Identifier", set.Id),
            new XElement(Ows + "SupportedCRS", WmtsTileMatrixSets.CrsUrn(set)));
        if (set.WellKnownScaleSet is { } wellKnown)
        {
            element.Add(new XElement(Wmts + "WellKnownScaleSet", wellKnown));
        }

        foreach (TileMatrix matrix in set.Matrices)
        {
            var (first, second) = matrix.PointOfOriginInAxisOrder;
            element.Add(new XElement(Wmts + "TileMatrix",
                new XElement(Ows + "Identifier", matrix.Identifier),
                new XElement(Wmts + "ScaleDenominator", Number(matrix.ScaleDenominator)),
                new XElement(Wmts + "TopLeftCorner", Pair(first, second)),
                new XElement(Wmts + "TileWidth", Integer(matrix.TileWidth)),
                new XElement(Wmts + "TileHeight", Integer(matrix.TileHeight)),
                new XElement(Wmts + "MatrixWidth", Integer(matrix.MatrixWidth)),
                new XElement(Wmts + "MatrixHeight", Integer(matrix.MatrixHeight))));
        }

        return element;
    }

    private static IEnumerable<XElement> Localized(string name, string zh, string en) =>
    [
        new XElement(Ows + name, new XAttribute(XNamespace.Xml + "lang", "zh"), zh),
        new XElement(Ows + name, new XAttribute(XNamespace.Xml + "lang", "en"), en),
    ];

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    /// <summary>"R" is the shortest text that parses back to the same double (≤ 17 significant digits).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Pair(double first, double second) => Number(first) + " " + Number(second);

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);
}

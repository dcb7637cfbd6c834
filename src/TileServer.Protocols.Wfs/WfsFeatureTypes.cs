namespace TileServer.Protocols.Wfs;

using System.Globalization;
using TileServer.Core.Crs;
using TileServer.Core.Features;
using TileServer.Core.Layers;

/// <summary>How published layers appear as WFS feature types: one per layer, named by the layer id in the
/// configured namespace, with the exposed fields and one geometry property named after the table's
/// geometry column.</summary>
public static class WfsFeatureTypes
{
    /// <summary>Mime type of GML 3.2 (09-025r2 Table 12 / §11.2.3).</summary>
    public const string GmlFormat = "application/gml+xml; version=3.2";

    public const string JsonFormat = "application/json";

    public const string DefaultCrsUrn = "urn:ogc:def:crs:EPSG::4490";

    public static string QualifiedName(PublishedLayer layer, WfsOptions options) => $"{options.FeatureNamespacePrefix}:{layer.Id}";

    /// <summary>The geometry property's element name.</summary>
    public static string GeometryProperty(PublishedLayer layer) => string.IsNullOrEmpty(layer.Info.GeometryColumn) ? "geom" : layer.Info.GeometryColumn;

    /// <summary>Strips a namespace prefix ("gh:ghyd" → "ghyd"); Clark notation "{ns}ghyd" too.</summary>
    public static string LocalName(string name)
    {
        string trimmed = name.Trim();
        int brace = trimmed.LastIndexOf('}');
        if (trimmed.StartsWith('{') && brace > 0)
            return trimmed[(brace + 1)..];
        int colon = trimmed.LastIndexOf(':');
        return colon >= 0 ? trimmed[(colon + 1)..] : trimmed;
    }

    /// <summary>The CRSs offered besides the default: WGS 84, Web Mercator and both CGCS2000 3-degree
    /// Gauss-Krüger series (with and without zone prefix) for every zone the layer's extent reaches.</summary>
    public static IReadOnlyList<CoordinateReferenceSystem> OtherCrs(PublishedLayer layer)
    {
        var list = new List<CoordinateReferenceSystem> { CrsRegistry.Wgs84, CrsRegistry.WebMercator };
        var extent = layer.Info.Extent;
        if (extent.IsEmpty || extent.MinX < 73.5 || extent.MaxX > 136.5)
            return list;
        int first = Zone(extent.MinX), last = Zone(extent.MaxX);
        for (int zone = first; zone <= last; zone++)
            list.Add(CrsRegistry.FindEpsg(CrsRegistry.FirstZonedGaussKruger + zone - 25)!);
        for (int zone = first; zone <= last; zone++)
            list.Add(CrsRegistry.FindEpsg(CrsRegistry.FirstCentralMeridianGaussKruger + zone - 25)!);
        return list;
    }

    /// <summary>XSD type of a field (09-025r2 §9.2.4 refers to XML Schema built-ins).</summary>
    public static string XsdType(FieldType type) => type switch
    {
        FieldType.Integer => "xs:long",
        FieldType.Real => "xs:double",
        _ => "xs:string",
    };

    /// <summary>GML 3.2 property type of the declared geometry kind (07-036 §10, §11).</summary>
    public static string GmlPropertyType(GeometryKind kind) => kind switch
    {
        GeometryKind.Point => "gml:PointPropertyType",
        GeometryKind.LineString => "gml:CurvePropertyType",
        GeometryKind.Polygon => "gml:SurfacePropertyType",
        GeometryKind.MultiPoint => "gml:MultiPointPropertyType",
        GeometryKind.MultiLineString => "gml:MultiCurvePropertyType",
        GeometryKind.MultiPolygon => "gml:MultiSurfacePropertyType",
        _ => "gml:GeometryPropertyType",
    };

    /// <summary>Formats a feature id: "{layer}.{fid}" (an NCName, usable as gml:id and fes:ResourceId rid).</summary>
    public static string FeatureId(string layerId, long fid) => layerId + "." + fid.ToString(CultureInfo.InvariantCulture);

    private static int Zone(double longitude) => Math.Clamp((int)Math.Floor((longitude + 1.5) / 3.0), 25, 45);
}

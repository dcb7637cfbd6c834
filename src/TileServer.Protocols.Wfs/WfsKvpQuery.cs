namespace TileServer.Protocols.Wfs;

using System.Globalization;
using TileServer.Core.Crs;
using TileServer.Core.Features.Filtering;
using SortKey = TileServer.Core.Features.Filtering.SortKey;
using TileServer.Core.Layers;
using TileServer.Protocols.Wfs.Fes;
using TileServer.Services.Features;

/// <summary>Reads the KVP encoding of GetFeature / GetPropertyValue (09-025r2 §7.9.2.4, Tables 5–8, and
/// §11.2.4) into a <see cref="WfsQuery"/>: one query on one feature type, with the ad hoc parameters or the
/// GetFeatureById stored query (§7.9.3.6).</summary>
public static class WfsKvpQuery
{
    public const string GetFeatureById = "urn:ogc:def:query:OGC-WFS::GetFeatureById";

    public static WfsQuery Parse(WfsParameters p, FeatureService features, WfsOptions options)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        var crs = p["srsName"] is { } srsName ? StorageGeometry.ParseCrs(srsName, "srsName") : StorageGeometry.DefaultCrs;
        var (count, startIndex) = Page(p, options);
        bool json = Json(p["outputFormat"]);
        bool hits = p["resultType"] switch
        {
            null => false,
            var v when v.Equals("results", StringComparison.OrdinalIgnoreCase) => false,
            var v when v.Equals("hits", StringComparison.OrdinalIgnoreCase) => true,
            var v => throw WfsException.Invalid("resultType", $"resultType must be results or hits, not '{v}'"),
        };

        if (p["storedQuery_Id"] is { } storedQuery)
        {
            if (storedQuery != GetFeatureById)
                throw WfsException.Invalid("storedQuery_Id", $"no stored query '{storedQuery}' (this server offers {GetFeatureById})");
            string id = p.Required("id");
            var layer = LayerOf(features, ResourceId.LayerOf(id) ?? "", "id");
            return new WfsQuery
            {
                Layer = layer, Crs = crs, Json = json, Count = 1, SingleFeature = true,
                Filter = new IdFilter([ResourceId.Parse(id, layer.Id, "id")]),
            };
        }

        string? resourceIds = p["resourceId"];
        var bindings = WfsTypeNames.Bindings(p);
        string? typeNames = p["typeNames"] ?? p["typeName"];
        PublishedLayer target;
        if (typeNames is not null)
        {
            var names = typeNames.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (names.Length != 1 || typeNames.Contains('(', StringComparison.Ordinal))
                throw WfsException.Invalid("typeNames", "one feature type per request: joins and multiple queries are not implemented (ImplementsStandardJoins is FALSE)");
            target = LayerOf(features, WfsTypeNames.LocalName(names[0], bindings, options, "typeNames"), "typeNames");
        }
        else if (resourceIds is not null)
        {
            target = LayerOf(features, ResourceId.LayerOf(resourceIds.Split(',')[0].Trim()) ?? "", "resourceId");
        }
        else
        {
            throw WfsException.Missing("typeNames");
        }

        int exclusive = (p["filter"] is null ? 0 : 1) + (p["bbox"] is null ? 0 : 1) + (resourceIds is null ? 0 : 1);
        if (exclusive > 1)
            throw WfsException.Invalid(p["filter"] is not null ? "filter" : "bbox", "filter, bbox and resourceId are mutually exclusive (09-025r2 Table 8)");

        var propertyNames = new WfsPropertyNames(target, bindings, options);
        FeatureFilter? filter = null;
        if (p["filter"] is { } filterText)
        {
            if (p["filter_Language"] is { } language && language != "urn:ogc:def:queryLanguage:OGC-FES:Filter")
                throw WfsException.Invalid("filter_Language", $"filter language '{language}' is not supported");
            filter = new FesFilterParser(target, crs, propertyNames).Parse(FesFilterParser.ParseXml(filterText));
        }
        else if (p["bbox"] is { } bbox)
        {
            filter = Bbox(bbox);
        }
        else if (resourceIds is not null)
        {
            filter = new IdFilter(resourceIds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(id => ResourceId.Parse(id, target.Id, "resourceId")).ToArray());
        }

        var (properties, geometry) = Projection(target, p["propertyName"], propertyNames);
        return new WfsQuery
        {
            Layer = target, Crs = crs, Filter = filter, Properties = properties, IncludeGeometry = geometry,
            SortBy = SortBy(p["sortBy"], propertyNames), StartIndex = startIndex, Count = count, Hits = hits, Json = json,
        };
    }

    /// <summary>count (or WFS 1.x maxFeatures) capped at the maximum; startIndex.</summary>
    public static (int Count, long StartIndex) Page(WfsParameters p, WfsOptions options)
    {
        long? count = p.NonNegative("count") ?? p.NonNegative("maxFeatures");
        long startIndex = p.NonNegative("startIndex") ?? 0;
        return ((int)Math.Min(count ?? options.DefaultCount, options.MaxCount), startIndex);
    }

    /// <summary>outputFormat: GML 3.2 (default) or GeoJSON.</summary>
    public static bool Json(string? format) => format switch
    {
        null => false,
        _ when format.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() is "application/gml+xml;version=3.2"
            or "text/xml;subtype=gml/3.2" or "text/xml;subtype=gml/3.2.1" or "gml32" or "application/gml+xml" => false,
        _ when format.ToLowerInvariant() is "application/json" or "json" or "geojson" or "application/geo+json" => true,
        _ => throw WfsException.Invalid("outputFormat", $"outputFormat '{format}' is not offered (use {WfsFeatureTypes.GmlFormat} or {WfsFeatureTypes.JsonFormat})"),
    };

    /// <summary>BBOX=a1,a2,b1,b2[,crs] (09-025r2 Table 8, 06-121r3 §10.2.3): the axis order of the given CRS,
    /// and without one the feature type's default CRS urn:ogc:def:crs:EPSG::4490 (latitude first).</summary>
    public static SpatialFilter Bbox(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is not (4 or 5))
            throw WfsException.Invalid("bbox", "bbox must be minx,miny,maxx,maxy with an optional CRS as fifth value");
        var numbers = new double[4];
        for (int i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
                throw WfsException.Invalid("bbox", $"'{parts[i]}' is not a number");
        }

        var crs = parts.Length == 5 ? StorageGeometry.ParseCrs(parts[4], "bbox") : StorageGeometry.DefaultCrs;
        return RequestGeometry.Filter(SpatialOperator.BBox, StorageGeometry.Box(numbers[0], numbers[1], numbers[2], numbers[3], crs));
    }

    /// <summary>PROPERTYNAME: the listed fields (resolved by <paramref name="names"/>) and whether the geometry is among them.</summary>
    public static (IReadOnlyList<string>? Properties, bool Geometry) Projection(PublishedLayer layer, string? propertyNames, WfsPropertyNames names)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(names);
        if (propertyNames is null)
            return (null, true);
        string geometryName = WfsFeatureTypes.GeometryProperty(layer);
        var requested = propertyNames.Trim('(', ')').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => names.LocalName(name, "propertyName")).ToList();
        var fields = new List<string>();
        foreach (var field in layer.ExposedFields)
        {
            if (requested.Contains(field.Name))
                fields.Add(field.Name);
        }

        foreach (var name in requested)
        {
            if (name != geometryName && !fields.Contains(name))
                throw WfsException.Invalid("propertyName", $"feature type '{layer.Id}' has no property '{name}'");
        }

        return (fields, requested.Contains(geometryName));
    }

    /// <summary>SORTBY=name [ASC|DESC],… (09-026r2 §7.9.2; A and D as in WFS 1.1 too).</summary>
    public static IReadOnlyList<SortKey> SortBy(string? text, WfsPropertyNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (text is null)
            return [];
        var keys = new List<SortKey>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = item.Split([' ', '+'], StringSplitOptions.RemoveEmptyEntries);
            string order = words.Length > 1 ? words[1].ToUpperInvariant() : "ASC";
            if (words.Length > 2 || order is not ("ASC" or "DESC" or "A" or "D"))
                throw WfsException.Invalid("sortBy", $"'{item}' is not 'property [ASC|DESC]'");
            keys.Add(new SortKey(names.LocalName(words[0], "sortBy"), order is "DESC" or "D"));
        }

        return keys;
    }

    public static PublishedLayer LayerOf(FeatureService features, string name, string locator)
    {
        try
        {
            return features.Layer(name);
        }
        catch (UnknownLayerException)
        {
            throw WfsException.Invalid(locator, $"no feature type '{name}' (see the FeatureTypeList of GetCapabilities)");
        }
    }
}

namespace TileServer.Protocols.OgcApi;

using System.Globalization;
using Microsoft.AspNetCore.Http;
using TileServer.Core.Crs;
using TileServer.Core.Errors;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Protocols.OgcApi.Cql2;
using TileServer.Services.Features;

/// <summary>Translates the query parameters of <c>/collections/{id}/items</c> (Part 1 §7.15, Part 2 §6.3–6.4, Part 3 §8
/// filter, Part 5 sortby) into a
/// <see cref="FeatureRequest"/>. Every problem is an <see cref="InvalidParameterException"/> naming the parameter.</summary>
public static class ItemsQueryParser
{
    private static readonly HashSet<string> Standard = new(StringComparer.Ordinal)
    {
        "f", "limit", "offset", "bbox", "bbox-crs", "crs", "datetime", "filter", "filter-lang", "filter-crs", SortByParser.Parameter,
    };

    public static ItemsQuery Parse(IQueryCollection query, PublishedLayer layer, OgcApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(options);

        var filters = new List<FeatureFilter>();
        foreach (var (name, values) in query)
        {
            if (Standard.Contains(name))
            {
                if (values.Count > 1)
                    throw new InvalidParameterException(name, $"parameter '{name}' is given {values.Count} times");
                continue;
            }

            // /req/core/fc-filters: exposed attributes filter by equality; anything else is unknown
            // (/rec/core/query-param-unknown: 400).
            var field = layer.ExposedFields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal))
                ?? throw new InvalidParameterException(name, $"unknown parameter '{name}' (standard: {string.Join(", ", Standard)}; properties of '{layer.Id}': {string.Join(", ", layer.ExposedFields.Select(f => f.Name))})");
            if (values.Count != 1)
                throw new InvalidParameterException(name, $"parameter '{name}' is given {values.Count} times");
            var value = FilterValue.Parse(values[0] ?? "", field.Type)
                ?? throw new InvalidParameterException(name, $"'{values[0]}' is not a valid {field.Type.ToString().ToLowerInvariant()} for '{name}'");
            filters.Add(new ComparisonFilter(field.Name, ComparisonOperator.Equal, value));
        }

        int limit = ParseLimit(query["limit"], options);
        long offset = ParseOffset(query["offset"]);
        var crs = OgcCrs.Parse("crs", query["crs"]);
        var bboxCrs = OgcCrs.Parse("bbox-crs", query["bbox-crs"]);
        BoundingBox? bounds = string.IsNullOrEmpty(query["bbox"]) ? null : ParseBbox(query["bbox"]!, bboxCrs);
        DatetimeParameter.Validate(query[DatetimeParameter.Name]);
        if (ParseFilter(query, layer) is { } cql2)
            filters.Add(cql2);

        var request = new FeatureRequest
        {
            LayerId = layer.Id,
            Bounds = bounds,
            Filter = filters.Count switch { 0 => null, 1 => filters[0], _ => new AndFilter(filters) },
            SortBy = SortByParser.Parse(query[SortByParser.Parameter], layer),
            Offset = offset,
            Limit = limit,
            OutputCrs = crs.Crs,
        };
        return new ItemsQuery(request, crs, limit, offset);
    }

    /// <summary>Part 3 §8 (/req/filter/filter-param, filter-lang-param, filter-crs-param): a CQL2 text filter; the
    /// only language offered is cql2-text (the default), filter-crs defaults to CRS84. Null when the filter is
    /// absent or always true.</summary>
    private static FeatureFilter? ParseFilter(IQueryCollection query, PublishedLayer layer)
    {
        string? language = query["filter-lang"];
        // "cql-text" is the pre-release name of the same text encoding (Part 3 drafts), which GDAL 3.6's OAPIF driver
        // sends once /api lists it; the common subset (comparisons, LIKE, IS NULL, AND/OR/NOT) reads the same.
        if (!string.IsNullOrEmpty(language) && language is not ("cql2-text" or "cql-text"))
            throw new InvalidParameterException("filter-lang", $"unsupported filter-lang '{language}' (this server reads cql2-text only; cql-text is taken as cql2-text)");
        var filterCrs = OgcCrs.Parse("filter-crs", query["filter-crs"]);
        string? text = query["filter"];
        return string.IsNullOrWhiteSpace(text) ? null : Cql2Parser.Parse(text, layer, filterCrs);
    }

    /// <summary>§7.15.3: limit is an integer ≥ 1; above the declared maximum it is served as the maximum, not refused.</summary>
    private static int ParseLimit(string? text, OgcApiOptions options)
    {
        if (string.IsNullOrEmpty(text))
            return options.DefaultLimit;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < 1)
            throw new InvalidParameterException("limit", $"limit must be an integer from 1 to {options.MaxLimit}, not '{text}'");
        return (int)Math.Min(value, options.MaxLimit);
    }

    private static long ParseOffset(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return 0;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            throw new InvalidParameterException("offset", $"offset must be a non-negative integer, not '{text}'");
        return value;
    }

    /// <summary>§7.15.4: four numbers (or six with heights, which are ignored: the data is 2D), lower corner first,
    /// in the axis order of bbox-crs (Part 2 §6.3); transformed to a storage lon/lat box.</summary>
    public static BoundingBox ParseBbox(string text, CrsReference crs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(crs);
        string[] parts = text.Split(',');
        if (parts.Length is not (4 or 6))
            throw new InvalidParameterException("bbox", $"bbox needs 4 (or 6) comma-separated numbers, got {parts.Length}");
        var numbers = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
                throw new InvalidParameterException("bbox", $"'{parts[i]}' is not a number");
        }

        int half = parts.Length / 2;
        double a1 = numbers[0], a2 = numbers[1], b1 = numbers[half], b2 = numbers[half + 1];
        var (minX, minY, maxX, maxY) = crs.SwapsAxes ? (a2, a1, b2, b1) : (a1, a2, b1, b2);
        if (minY > maxY)
            throw new InvalidParameterException("bbox", "the lower corner lies north of the upper corner");
        if (minX > maxX)
            throw new InvalidParameterException("bbox", "boxes across the antimeridian are not supported: the lower corner lies east of the upper corner");
        if (crs.Crs.IsGeographic && (minY < -90 || maxY > 90))
            throw new InvalidParameterException("bbox", "latitudes must lie within [-90, 90]");
        return CrsTransformer.ToStorage(crs.Crs).TransformBox(new BoundingBox(minX, minY, maxX, maxY));
    }
}

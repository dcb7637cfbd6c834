namespace TileServer.Services.Features;

using System.Runtime.CompilerServices;
using NetTopologySuite.IO;
using TileServer.Core.Crs;
using TileServer.Core.Errors;
using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Layers;

/// <summary>The feature use case behind WFS and OGC API – Features: resolves a published layer, checks the
/// requested properties and sort keys against what the layer exposes, lets the source filter, sort and page
/// in its own query language, and streams features decoded and reprojected one at a time (memory stays
/// bounded whatever the result size). Field names unknown to the layer are the client's error
/// (<see cref="InvalidParameterException"/>); the adapters report them in their own formats.</summary>
public sealed class FeatureService(ILayerCatalog catalog)
{
    /// <summary>The most predicates and logical operators one filter may hold (<see cref="FilterSizeCheck"/>).</summary>
    public const int MaxFilterPredicates = 500;

    /// <summary>The most resource ids one filter may name.</summary>
    public const int MaxFilterIds = 10_000;

    /// <summary>The most values the IN lists (and ORs of equalities on one property) of one filter may hold in all.</summary>
    public const int MaxFilterListValues = 10_000;

    public IReadOnlyList<PublishedLayer> Layers => catalog.Layers;

    /// <summary>The layer, or <see cref="UnknownLayerException"/>.</summary>
    public PublishedLayer Layer(string layerId) =>
        catalog.TryGet(layerId, out var layer) ? layer : throw new UnknownLayerException(layerId);

    /// <summary>The exposed field of that name, or <see cref="InvalidParameterException"/> naming <paramref name="parameter"/>.</summary>
    public static FieldDefinition Field(PublishedLayer layer, string name, string parameter)
    {
        foreach (var field in layer.ExposedFields)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal))
                return field;
        }

        throw new InvalidParameterException(parameter, $"layer '{layer.Id}' has no property '{name}' (properties: {string.Join(", ", layer.ExposedFields.Select(f => f.Name))})");
    }

    public Task<long> CountAsync(FeatureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var layer = Layer(request.LayerId);
        return layer.Source.CountAsync(SourceQuery(layer, request, []), cancellationToken);
    }

    /// <summary>Counts the matches of the request's filter and bounds, but stops after <paramref name="exactLimit"/>
    /// of them or just past the requested page, whichever is further: a page of a huge layer costs what the page
    /// costs, not a scan of the layer. When the count stopped, the result is only a lower bound (still enough to
    /// know the page is full and that a next page exists).</summary>
    public async Task<MatchCount> CountUpToAsync(FeatureRequest request, long exactLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var layer = Layer(request.LayerId);
        long pageEnd = request.Limit is { } limit ? SaturatingAdd(request.Offset, limit) : long.MaxValue;
        long cap = Math.Max(Math.Max(exactLimit, 0), SaturatingAdd(pageEnd, 1));
        if (cap == long.MaxValue)
            return MatchCount.Exact(await CountAsync(request, cancellationToken).ConfigureAwait(false));
        var query = SourceQuery(layer, request, []) with { CountLimit = cap };
        long counted = await layer.Source.CountAsync(query, cancellationToken).ConfigureAwait(false);
        // A source honouring the cap never returns more than it; one that ignores it (allowed) counted everything.
        return counted == cap ? MatchCount.AtLeast(cap) : MatchCount.Exact(counted);
    }

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    /// <summary>Streams the page of features the request asks for, in the request's output CRS.</summary>
    public async IAsyncEnumerable<FeatureItem> QueryAsync(FeatureRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var layer = Layer(request.LayerId);
        var fields = request.Properties is null
            ? layer.ExposedFields
            : request.Properties.Select(name => Field(layer, name, "properties")).ToArray();
        var query = SourceQuery(layer, request, fields.Select(f => f.Name).ToArray());
        var reader = new WKBReader(); // per request: NTS readers keep state
        var transformer = CrsTransformer.FromStorage(request.OutputCrs);

        await foreach (var record in layer.Source.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            var geometry = reader.Read(record.Wkb.ToArray());
            yield return new FeatureItem(record.Fid, transformer.Transform(geometry), fields, record.Values);
        }
    }

    private static FeatureQuery SourceQuery(PublishedLayer layer, FeatureRequest request, IReadOnlyList<string> fields)
    {
        if (request.Offset < 0)
            throw new InvalidParameterException("offset", "the start index must not be negative");
        if (request.Limit is < 0)
            throw new InvalidParameterException("limit", "the limit must not be negative");
        foreach (var key in request.SortBy)
            Field(layer, key.Field, "sortBy");
        FilterFieldCheck.Validate(layer, request.Filter);
        var filter = EqualityListFolding.Fold(request.Filter);
        FilterSizeCheck.Validate(filter);

        return new FeatureQuery(layer.Definition.Table, request.Bounds, fields, request.Limit)
        {
            Filter = filter,
            SortBy = request.SortBy,
            Offset = request.Offset,
        };
    }
}

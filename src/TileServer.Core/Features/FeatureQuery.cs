namespace TileServer.Core.Features;

using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;

/// <summary>What to read from one source table: features whose envelope intersects <see cref="Bounds"/>, given in
/// longitude/latitude degrees (EPSG:4490, equal to WGS 84 at tile precision); sources holding projected tables
/// transform the box. Geometries come back in EPSG:4490 too.
/// Null bounds read all features; at most <see cref="Limit"/> of them, with the listed fields.
/// <see cref="Filter"/> narrows further (translated to SQL by the source, never evaluated in process);
/// <see cref="SortBy"/> orders the rows (row id last, always), and <see cref="Offset"/> skips that many
/// matching rows first, for paging. Without a sort, rows come in row-id order whenever an offset is set.</summary>
public sealed record FeatureQuery(string Table, BoundingBox? Bounds, IReadOnlyList<string> Fields, int? Limit = null)
{
    public FeatureFilter? Filter { get; init; }

    public IReadOnlyList<SortKey> SortBy { get; init; } = [];

    public long Offset { get; init; }

    /// <summary>For <see cref="IFeatureSource.CountAsync"/> only: the count may stop at this many matches, so a
    /// paged request over a huge table does not pay for counting all of it. A source may ignore it and count
    /// everything; callers read a result at or above the limit as "at least this many".</summary>
    public long? CountLimit { get; init; }

    /// <summary>
    /// The caller is done with each record before it asks for the next one (a tile renderer walking the WKB
    /// straight into a path): a source may then hand out records whose WKB buffer and values array are reused
    /// from row to row, instead of copying every row. Such a record must not be kept.
    /// </summary>
    public bool ReusableRecords { get; init; }

    /// <summary>
    /// The caller tolerates, besides the features whose exact envelope meets <see cref="Bounds"/>, a few whose
    /// spatial index box does (an R-tree stores float32 boxes rounded outwards, so those lie within a float
    /// step of the bounds): a renderer clips them away. A source may then skip the exact envelope check.
    /// </summary>
    public bool IndexBoundsSuffice { get; init; }

    /// <summary>True when the query needs more than a box scan (filter, sort or offset).</summary>
    public bool IsRefined => Filter is not null || SortBy.Count > 0 || Offset > 0;
}

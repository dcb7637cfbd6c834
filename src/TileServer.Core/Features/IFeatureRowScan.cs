namespace TileServer.Core.Features;

/// <summary>
/// An optional capability of an <see cref="IFeatureSource"/> that reads synchronously (an embedded SQLite file):
/// the rows of a plain box query handed to a visitor in one loop. A tile renderer walks each row's WKB straight
/// into a path, so it needs no record per row, no copy of the WKB out of the source's buffer and no
/// asynchronous iteration step per row (together a few per cent of a dense raster tile, docs/benchmarks.md
/// "Raster tiles against Mapnik"). Callers holding a source without it use
/// <see cref="IFeatureSource.QueryAsync"/>.
/// </summary>
public interface IFeatureRowScan
{
    /// <summary>
    /// Hands <paramref name="visitor"/> the rows <see cref="IFeatureSource.QueryAsync"/> would return for
    /// <paramref name="query"/> read as with <see cref="FeatureQuery.ReusableRecords"/>, in the same order, and
    /// returns when all are visited. Only plain box queries: a filter, sort, offset or limit is refused with an
    /// <see cref="ArgumentException"/>. Cancelling the token interrupts the scan with an
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    void Scan(FeatureQuery query, IFeatureRowVisitor visitor, CancellationToken cancellationToken);
}

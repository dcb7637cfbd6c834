namespace TileServer.Services.Seeding;

using TileServer.Core.Geometry;
using TileServer.Core.Tiling;

/// <summary>The tiles covering a longitude/latitude box on zoom levels [minZoom, maxZoom] of a tile
/// matrix set, level by level, row by row (so neighbouring tiles are produced close in time and share
/// the source's page cache).</summary>
public sealed class SeedTileList(TileMatrixSet matrixSet, BoundingBox lonLatBox, int minZoom, int maxZoom)
{
    public IReadOnlyList<TileMatrixLimits> Limits { get; } = matrixSet.LimitsFor(lonLatBox, minZoom, maxZoom);

    public long Count => Limits.Sum(l => l.TileCount);

    public IEnumerable<TileCoordinate> Tiles()
    {
        foreach (var limits in Limits)
        {
            for (int row = limits.MinRow; row <= limits.MaxRow; row++)
            {
                for (int column = limits.MinColumn; column <= limits.MaxColumn; column++)
                {
                    yield return new TileCoordinate(limits.Zoom, column, row);
                }
            }
        }
    }
}

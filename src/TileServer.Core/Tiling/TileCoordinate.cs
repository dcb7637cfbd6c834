namespace TileServer.Core.Tiling;

/// <summary>A tile of a tile matrix set: zoom level (tile matrix), column (x) and row (y), rows counted
/// from the top as in OGC 2D-TMS and the XYZ convention.</summary>
public readonly record struct TileCoordinate(int Zoom, int Column, int Row)
{
    public override string ToString() => $"{Zoom}/{Column}/{Row}";
}

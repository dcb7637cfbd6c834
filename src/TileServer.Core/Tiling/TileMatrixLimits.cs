namespace TileServer.Core.Tiling;

/// <summary>The inclusive range of rows and columns of one tile matrix that hold data, as published in a
/// WMTS TileMatrixSetLimits element (OGC 07-057r7 §7.2.4.6.11) or a 2D-TMS TileMatrixLimits
/// (OGC 17-083r4 §7.2).</summary>
public readonly record struct TileMatrixLimits(string TileMatrix, int Zoom, int MinRow, int MaxRow, int MinColumn, int MaxColumn)
{
    public long TileCount => (long)(MaxRow - MinRow + 1) * (MaxColumn - MinColumn + 1);

    public bool Contains(in TileCoordinate tile) =>
        tile.Zoom == Zoom && tile.Row >= MinRow && tile.Row <= MaxRow && tile.Column >= MinColumn && tile.Column <= MaxColumn;
}

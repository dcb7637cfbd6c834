using System.Runtime.CompilerServices;

namespace TileServer.Rendering;

/// <summary>
/// The <see cref="CoverageRasterizer"/>'s path for edges flatter than two cells of x per strip (cell units, the
/// edge inside the canvas, y0 &lt; y1, slope = dx/dy): each strip's piece is deposited into the one cell it stays in, or spread
/// over the cells it crosses by <see cref="CellArithmetic.DepositSpan"/>. Kept apart from the steep edges'
/// branch-free loop so that loop has no call in it.
/// </summary>
internal static class FlatEdges
{
    /// <summary>Deposits strips <paramref name="firstRow"/> … <paramref name="lastRow"/> of the edge and flags the
    /// pixels they reach. <paramref name="cells"/> is the first cell of the rasterizer's buffer, whose pixel rows
    /// are <paramref name="pixelRowStride"/> floats apart.</summary>
    public static void Deposit(ref float cells, int pixelRowStride, TouchedPixels touched, double x0, double y0, double x1, double y1, double slope, double direction, int firstRow, int lastRow)
    {
        const int subRows = CoverageRasterizer.SubRows;
        var rising = slope >= 0;
        var xTop = x0;
        var row = firstRow;
        while (row <= lastRow)
        {
            var pixelRow = row / subRows;
            var pixelRowEnd = Math.Min(lastRow, (pixelRow * subRows) + subRows - 1);
            var rowOrigin = (pixelRow * pixelRowStride) - (pixelRow * subRows);
            var pixelRowStartX = xTop;
            for (; row <= pixelRowEnd; row++)
            {
                var (xBottom, height, xa, xb) = CellArithmetic.StripPiece(x0, y0, x1, y1, slope, direction, xTop, row);
                var col = double.ConvertToIntegerNative<int>(xa);
                var at = rowOrigin + row + (col * subRows);
                if (xb <= col + 1)
                {
                    var f = ((xa + xb) * 0.5) - col;
                    Unsafe.Add(ref cells, at) += (float)(height * (1 - f));
                    Unsafe.Add(ref cells, at + subRows) += (float)(height * f);
                }
                else
                {
                    CellArithmetic.DepositSpan(ref Unsafe.Add(ref cells, at), col, xa, xb, height);
                }

                xTop = xBottom;
            }

            // Cells (int)low … (int)high + 1 may have received area: flag their pixels.
            var low = rising ? pixelRowStartX : xTop;
            var high = rising ? xTop : pixelRowStartX;
            touched.FlagRange(pixelRow, double.ConvertToIntegerNative<int>(low) / CoverageRasterizer.SubColumns, (double.ConvertToIntegerNative<int>(high) + 1) / CoverageRasterizer.SubColumns);
        }
    }
}

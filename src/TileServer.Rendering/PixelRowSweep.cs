using System.Runtime.Intrinsics;

namespace TileServer.Rendering;

/// <summary>One pixel row of <see cref="CoverageRasterizer.Sweep"/>: the row's cells to coverage values, pixel by
/// pixel where the rasterizer flagged deposits and a whole span at once between them.</summary>
internal static class PixelRowSweep
{
    /// <summary>
    /// Writes the coverage of pixels firstPixel … firstPixel + coverage.Length − 1 of row <paramref name="py"/>
    /// into <paramref name="coverage"/>, clearing the flagged pixels' cells (<paramref name="rowCells"/>: the
    /// row's cells from column 0), and returns the covered stretch as indices into <paramref name="coverage"/>
    /// (Covered ≥ CoveredEnd when nothing is covered). The row's flags are left for the caller to clear.
    /// </summary>
    /// <remarks>Only flagged pixels hold deposits. Between two of them the winding of each strip is constant,
    /// so the coverage is too: such spans are filled at once instead of summing 16 cells per pixel.</remarks>
    public static (int Covered, int CoveredEnd) Sweep(Span<float> rowCells, TouchedPixels touched, int py, int firstPixel, Span<float> coverage, FillRule rule)
    {
        const int cellsPerPixel = CoverageRasterizer.SubColumns * CoverageRasterizer.SubRows;
        var lastPixel = firstPixel + coverage.Length - 1;
        var winding = Vector128<float>.Zero;
        var covered = int.MaxValue;
        var coveredEnd = 0;
        var x = firstPixel;
        while (x <= lastPixel)
        {
            var next = Math.Min(touched.Next(py, x), lastPixel + 1);
            if (next > x)
            {
                // No deposits in [x, next): every cell of a strip has that strip's running winding.
                var value = Vector128.Sum(CellArithmetic.ApplyRule(winding, rule)) * (1f / CoverageRasterizer.SubRows);
                coverage.Slice(x - firstPixel, next - x).Fill(value);
                if (value > 0f)
                {
                    covered = Math.Min(covered, x - firstPixel);
                    coveredEnd = next - firstPixel;
                }

                x = next;
                continue;
            }

            var pixel = CellArithmetic.SweepPixel(rowCells.Slice(x * cellsPerPixel, cellsPerPixel), ref winding, rule);
            coverage[x - firstPixel] = pixel;
            if (pixel > 0f)
            {
                covered = Math.Min(covered, x - firstPixel);
                coveredEnd = x - firstPixel + 1;
            }

            x++;
        }

        return (covered, coveredEnd);
    }
}

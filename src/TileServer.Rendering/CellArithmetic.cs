using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TileServer.Rendering;

/// <summary>The arithmetic on <see cref="CoverageRasterizer"/>'s cells that needs none of its state: spreading an
/// edge piece over the cells it crosses, sweeping one pixel's cells, and the fill rules on cell-averaged windings.</summary>
internal static class CellArithmetic
{
    /// <summary>The piece of an edge (cell units, y0 &lt; y1, slope = dx/dy, winding <paramref name="direction"/>) in strip
    /// <paramref name="row"/>: its x at the strip's bottom (exactly x1 in the edge's last strip), its signed height,
    /// and its x extent from <paramref name="xTop"/> (the previous strip's bottom x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double XBottom, double Height, double Xa, double Xb) StripPiece(double x0, double y0, double x1, double y1, double slope, double direction, double xTop, int row)
    {
        var top = double.MaxNative(y0, row);
        var bottom = double.MinNative(y1, row + 1.0);
        var xBottom = bottom >= y1 ? x1 : x0 + ((bottom - y0) * slope);
        return (xBottom, (bottom - top) * direction, double.MinNative(xTop, xBottom), double.MaxNative(xTop, xBottom));
    }

    /// <summary>
    /// Deposits a piece crossing several cells of one strip, from xa to xb (xa &lt; xb) with signed height h.
    /// Within a cell c the area of that cell right of the piece is share·(1 − f), f = mean x − c; the rest
    /// (share·f) goes to cell c + 1 so that the prefix sum reaches the full h in every cell further right.
    /// <paramref name="first"/> is the cell of xa; cell c + k is <c>k · CoverageRasterizer.SubRows</c> floats further on.
    /// </summary>
    public static void DepositSpan(ref float first, int col, double xa, double xb, double height)
    {
        var heightPerX = height / (xb - xa);

        // The first cell, from xa to its right border (the caller sends only pieces that cross it).
        var next = col + 1.0;
        var share = heightPerX * (next - xa);
        var f = ((xa + next) * 0.5) - col;
        first += (float)(share * (1 - f));
        Unsafe.Add(ref first, CoverageRasterizer.SubRows) += (float)(share * f);

        // Whole cells: share = heightPerX and f = ½ exactly, so both deposits are the same float.
        var half = (float)(heightPerX * 0.5);
        var offset = CoverageRasterizer.SubRows;
        col++;
        while (col + 1.0 < xb)
        {
            Unsafe.Add(ref first, offset) += half;
            Unsafe.Add(ref first, offset + CoverageRasterizer.SubRows) += half;
            offset += CoverageRasterizer.SubRows;
            col++;
        }

        // The last cell, from its left border to xb.
        if (col < xb)
        {
            share = heightPerX * (xb - col);
            f = ((col + xb) * 0.5) - col;
            Unsafe.Add(ref first, offset) += (float)(share * (1 - f));
            Unsafe.Add(ref first, offset + CoverageRasterizer.SubRows) += (float)(share * f);
        }
    }

    /// <summary>
    /// Deposits a strip's piece from xa to xb (xa ≤ xb ≤ col + 2, col = ⌊xa⌋) with signed height h: [xa, split]
    /// lies in cell col, [split, xb] in cell col + 1, split = min(xb, col + 1). The part beyond the border gets
    /// (xb − split)·heightPerX, exactly ±0 when the piece stays in its cell, so that case deposits the same
    /// floats as the one-cell formula and cell col + 2 receives ±0. No branch on where the piece ends.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void DepositAcrossOneBorder(ref float first, int col, double xa, double xb, double height, double heightPerX)
    {
        var split = double.MinNative(xb, col + 1.0);
        var beyond = (xb - split) * heightPerX;
        var within = height - beyond;
        var f = ((xa + split) * 0.5) - col;
        var g = ((split + xb) * 0.5) - (col + 1);
        first += (float)(within * (1 - f));
        Unsafe.Add(ref first, CoverageRasterizer.SubRows) += (float)((within * f) + (beyond * (1 - g)));
        Unsafe.Add(ref first, 2 * CoverageRasterizer.SubRows) += (float)(beyond * g);
    }

    /// <summary>As <see cref="DepositAcrossOneBorder"/> for a piece reaching at most cell col + 2 (xb ≤ col + 3):
    /// [xa, s1] in col, [s1, s2] in col + 1, [s2, xb] in col + 2, with s1 = min(xb, col + 1), s2 = min(xb, col + 2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void DepositAcrossTwoBorders(ref float first, int col, double xa, double xb, double height, double heightPerX)
    {
        var s1 = double.MinNative(xb, col + 1.0);
        var s2 = double.MinNative(xb, col + 2.0);
        var h3 = (xb - s2) * heightPerX;
        var h2 = (s2 - s1) * heightPerX;
        var h1 = height - h2 - h3;
        var f1 = ((xa + s1) * 0.5) - col;
        var f2 = ((s1 + s2) * 0.5) - (col + 1);
        var f3 = ((s2 + xb) * 0.5) - (col + 2);
        first += (float)(h1 * (1 - f1));
        Unsafe.Add(ref first, CoverageRasterizer.SubRows) += (float)((h1 * f1) + (h2 * (1 - f2)));
        Unsafe.Add(ref first, 2 * CoverageRasterizer.SubRows) += (float)((h2 * f2) + (h3 * (1 - f3)));
        Unsafe.Add(ref first, 3 * CoverageRasterizer.SubRows) += (float)(h3 * f3);
    }

    /// <summary>Coverage of one pixel with deposits from its 4 × 4 <paramref name="cells"/>, fill-ruled one by one; clears them.
    /// The four sub-rows run side by side in one vector: each cell column adds its deposits to the four
    /// running windings.</summary>
    public static float SweepPixel(Span<float> cells, ref Vector128<float> winding, FillRule rule)
    {
        const float cellWeight = 1f / (CoverageRasterizer.SubRows * CoverageRasterizer.SubColumns);
        var w = winding;
        var sum = Vector128<float>.Zero;
        for (var k = 0; k < CoverageRasterizer.SubColumns; k++)
        {
            w += Vector128.Create<float>(cells.Slice(k * CoverageRasterizer.SubRows, CoverageRasterizer.SubRows));
            sum += ApplyRule(w, rule);
        }

        cells.Clear();
        winding = w;
        return Vector128.Sum(sum) * cellWeight;
    }

    /// <summary>Fill rule on (possibly fractional) cell-averaged winding numbers, four sub-rows at once.</summary>
    public static Vector128<float> ApplyRule(Vector128<float> winding, FillRule rule)
    {
        var magnitude = Vector128.Abs(winding);
        if (rule == FillRule.NonZero)
        {
            return Vector128.Min(magnitude, Vector128<float>.One);
        }

        // Even-odd folds the winding into a triangle wave: 0 → 0, 1 → 1, 2 → 0, ...
        var folded = magnitude - (Vector128.Create(2f) * Vector128.Floor(magnitude * 0.5f));
        return Vector128.Min(folded, Vector128.Create(2f) - folded);
    }
}

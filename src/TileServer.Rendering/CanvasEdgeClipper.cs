namespace TileServer.Rendering;

/// <summary>
/// Clips a directed edge (cell units) to the rasterizer's canvas so work is bounded by the canvas size whatever
/// the coordinates' magnitude: parts above or below are dropped; parts left of it become vertical edges at
/// x = 0 (the same winding for every visible pixel to their right); parts right of it are dropped, and the caller
/// is told so that its sweep runs to the row end, where the winding of their partner edges still applies.
/// </summary>
internal static class CanvasEdgeClipper
{
    /// <summary>Writes up to three pieces (x0, y0, x1, y1) into <paramref name="pieces"/> (12 doubles) and returns
    /// how many; <paramref name="droppedRight"/> is set when a piece with height lay right of the canvas.</summary>
    public static int Clip(double x0, double y0, double x1, double y1, double right, double bottom, Span<double> pieces, out bool droppedRight)
    {
        droppedRight = false;
        if (!double.IsFinite(x0) || !double.IsFinite(y0) || !double.IsFinite(x1) || !double.IsFinite(y1))
        {
            return 0;
        }

        if (y0 == y1 || Math.Max(y0, y1) <= 0 || Math.Min(y0, y1) >= bottom)
        {
            return 0;
        }

        // Clip to the strip rows [0, bottom]: horizontal parts outside contribute to no visible row.
        var slope = (x1 - x0) / (y1 - y0);
        if (y0 < 0) { x0 += (0 - y0) * slope; y0 = 0; }
        if (y1 < 0) { x1 += (0 - y1) * slope; y1 = 0; }
        if (y0 > bottom) { x0 += (bottom - y0) * slope; y0 = bottom; }
        if (y1 > bottom) { x1 += (bottom - y1) * slope; y1 = bottom; }

        // Split where the edge crosses x = 0 and x = right so every piece lies in one region.
        double tLeft = double.NaN, tRight = double.NaN;
        if ((x0 < 0) != (x1 < 0)) { tLeft = (0 - x0) / (x1 - x0); }
        if ((x0 < right) != (x1 < right)) { tRight = (right - x0) / (x1 - x0); }
        var tA = double.IsNaN(tLeft) ? tRight : double.IsNaN(tRight) ? tLeft : Math.Min(tLeft, tRight);
        var tB = double.IsNaN(tLeft) || double.IsNaN(tRight) ? double.NaN : Math.Max(tLeft, tRight);

        var count = 0;
        double prevT = 0, prevX = x0, prevY = y0;
        foreach (var t in (ReadOnlySpan<double>)[tA, tB, 1.0])
        {
            if (double.IsNaN(t))
            {
                continue;
            }

            var x = t >= 1.0 ? x1 : x0 + ((x1 - x0) * t);
            var y = t >= 1.0 ? y1 : y0 + ((y1 - y0) * t);
            var midX = x0 + ((x1 - x0) * ((prevT + t) * 0.5));
            if (midX < 0)
            {
                count = Emit(pieces, count, 0, prevY, 0, y);
            }
            else if (midX < right)
            {
                count = Emit(pieces, count, Math.Clamp(prevX, 0, right), prevY, Math.Clamp(x, 0, right), y);
            }
            else if (prevY != y)
            {
                droppedRight = true;
            }

            prevT = t;
            prevX = x;
            prevY = y;
        }

        return count;
    }

    private static int Emit(Span<double> pieces, int count, double x0, double y0, double x1, double y1)
    {
        var at = count * 4;
        pieces[at] = x0;
        pieces[at + 1] = y0;
        pieces[at + 2] = x1;
        pieces[at + 3] = y1;
        return count + 1;
    }
}

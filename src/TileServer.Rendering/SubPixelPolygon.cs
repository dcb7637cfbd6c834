namespace TileServer.Rendering;

/// <summary>
/// A fill whose single ring lies inside one pixel (a parcel at a low zoom) covers that pixel by exactly its
/// area when the ring is simple, under either fill rule: the value the cell rasterizer would reach too, for
/// the price of a shoelace sum instead of edges, strips and a sweep. Rings that cross themselves, or have more
/// vertices than the simplicity check takes, go through the rasterizer.
/// </summary>
internal static class SubPixelPolygon
{
    /// <summary>True, with the pixel and its coverage, when <paramref name="path"/> is one simple ring inside
    /// one pixel of a <paramref name="width"/> × <paramref name="height"/> canvas.</summary>
    public static bool TryCoverage(VectorPath path, int width, int height, out int x, out int y, out float coverage)
    {
        x = y = 0;
        coverage = 0;
        if (path.SubpathCount != 1)
        {
            return false;
        }

        var xs = path.Xs;
        var ys = path.Ys;
        if (xs.Length > 1 && xs[0] == xs[^1] && ys[0] == ys[^1])
        {
            // An explicit closing point (WKB rings repeat their first) duplicates the implicit closing edge.
            xs = xs[..^1];
            ys = ys[..^1];
        }

        if (xs.Length < 3)
        {
            return false;
        }

        // Floors of every vertex equal (NaN fails the comparison): the ring lies in pixel (x, y).
        var column = Math.Floor(xs[0]);
        var row = Math.Floor(ys[0]);
        var twiceArea = 0.0;
        for (var i = 0; i < xs.Length; i++)
        {
            if (!(Math.Floor(xs[i]) == column && Math.Floor(ys[i]) == row))
            {
                return false;
            }

            var next = i + 1 == xs.Length ? 0 : i + 1;
            twiceArea += (xs[i] * ys[next]) - (xs[next] * ys[i]);
        }

        if (!(column >= 0 && column < width && row >= 0 && row < height) || !NarrowRing.IsSimpleSmallRing(xs, ys))
        {
            return false;
        }

        x = (int)column;
        y = (int)row;
        coverage = (float)Math.Min(Math.Abs(twiceArea) / 2, 1);
        return true;
    }
}

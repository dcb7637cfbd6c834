namespace TileServer.Sources.PostGis.Import;

using System.Buffers.Binary;
using System.Runtime.CompilerServices;

/// <summary>
/// Proves, cheaply and conservatively, that a WKB polygon is valid in the sense of OGC 06-103r4 §6.1.11.1 (and
/// GEOS's IsValidOp, behind PostGIS's ST_IsValid), so the importer need not send it to ST_IsValid. Only the common
/// case is proven: one polygon (alone or as a one-part multi) with a single ring of 4–<see cref="MaxPoints"/>
/// finite points, closed, whose segments meet only where consecutive segments share their vertex, with a certain
/// turn at every vertex. Such a ring is simple, so the polygon is valid. Every predicate is an orientation sign
/// taken only when a floating-point error bound makes it certain; anything else (holes, several parts, collinear or
/// nearly touching segments, Z/M, other types) is "not proven" and goes to ST_IsValid. A false "proven" would let
/// an invalid geometry in silently, so the test suite checks proofs against ST_IsValid on thousands of rings.
/// </summary>
internal static class PolygonValidityProof
{
    /// <summary>Larger rings are left to the server: the proof's stack buffers are sized for this.</summary>
    public const int MaxPoints = 512;

    private const uint WkbPolygon = 3;
    private const uint WkbMultiPolygon = 6;

    // Shewchuk's bound for orient2d evaluated in doubles, (3 + 16ε)ε with ε = 2^-53, taken 4× larger for margin:
    // a sign whose magnitude exceeds it times |detleft| + |detright| is the exact sign.
    private const double OrientationErrorBound = 4 * 3.3306690738754716e-16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsProvenValid(ReadOnlySpan<byte> wkb)
    {
        if (!TryReadHeader(wkb, out var littleEndian, out var type))
            return false;
        if (type == WkbPolygon)
            return IsProvenSingleRing(wkb);
        if (type != WkbMultiPolygon || wkb.Length < 9 || ReadUInt32(wkb[5..], littleEndian) != 1)
            return false;
        return IsProvenSingleRing(wkb[9..]);
    }

    private static bool IsProvenSingleRing(ReadOnlySpan<byte> polygon)
    {
        if (!TryReadHeader(polygon, out var littleEndian, out var type) || type != WkbPolygon || polygon.Length < 13)
            return false;
        if (ReadUInt32(polygon[5..], littleEndian) != 1)
            return false; // holes: nesting and touching rules, left to the server
        var points = ReadUInt32(polygon[9..], littleEndian);
        if (points < 4 || points > MaxPoints || polygon.Length < 13 + (int)points * 16)
            return false;

        var count = (int)points;
        Span<double> xs = stackalloc double[count];
        Span<double> ys = stackalloc double[count];
        var coordinates = polygon.Slice(13, count * 16);
        for (var i = 0; i < count; i++)
        {
            xs[i] = ReadDouble(coordinates[(i * 16)..], littleEndian);
            ys[i] = ReadDouble(coordinates[(i * 16 + 8)..], littleEndian);
            if (!double.IsFinite(xs[i]) || !double.IsFinite(ys[i]))
                return false;
        }

        if (xs[0] != xs[count - 1] || ys[0] != ys[count - 1])
            return false; // not closed
        return RingIsSimple(xs, ys, count - 1);
    }

    /// <summary>Segment i runs from point i to point i + 1; point <paramref name="segments"/> repeats point 0.</summary>
    private static bool RingIsSimple(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int segments)
    {
        if (segments < 3)
            return false;

        // Consecutive segments share a vertex and must turn there by a certain amount: that also rules out repeated
        // points, spikes (a segment doubling back) and collinear overlaps.
        for (var i = 0; i < segments; i++)
        {
            var previous = i == 0 ? segments - 1 : i - 1;
            if (Orientation(xs[previous], ys[previous], xs[i], ys[i], xs[i + 1], ys[i + 1]) == 0)
                return false;
        }

        // Every other pair must be disjoint. Sweep the segments in order of their smallest x, keeping those whose x
        // range is still open: a ring crossing a vertical line a few times keeps this list short.
        Span<double> minX = stackalloc double[segments];
        Span<int> order = stackalloc int[segments];
        for (var i = 0; i < segments; i++)
        {
            minX[i] = Math.Min(xs[i], xs[i + 1]);
            order[i] = i;
        }

        minX.Sort(order);
        Span<int> open = stackalloc int[segments];
        var openCount = 0;
        for (var k = 0; k < segments; k++)
        {
            var segment = order[k];
            var start = minX[k];
            var kept = 0;
            for (var o = 0; o < openCount; o++)
            {
                var other = open[o];
                if (Math.Max(xs[other], xs[other + 1]) < start)
                    continue; // its x range closed before this one opens: disjoint from all that follow
                open[kept++] = other;
                if (!AreAdjacent(segment, other, segments) && !AreDisjoint(xs, ys, segment, other))
                    return false;
            }

            openCount = kept;
            open[openCount++] = segment;
        }

        return true;
    }

    private static bool AreAdjacent(int a, int b, int segments)
    {
        var gap = Math.Abs(a - b);
        return gap == 1 || gap == segments - 1;
    }

    /// <summary>True only when the segments certainly share no point: separated boxes, or one segment strictly on
    /// one side of the other's line (for disjoint segments one of the two always holds, OGC or not).</summary>
    private static bool AreDisjoint(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int a, int b)
    {
        double ax = xs[a], ay = ys[a], bx = xs[a + 1], by = ys[a + 1];
        double cx = xs[b], cy = ys[b], dx = xs[b + 1], dy = ys[b + 1];
        if (Math.Max(ay, by) < Math.Min(cy, dy) || Math.Max(cy, dy) < Math.Min(ay, by)
            || Math.Max(ax, bx) < Math.Min(cx, dx) || Math.Max(cx, dx) < Math.Min(ax, bx))
        {
            return true;
        }

        var c = Orientation(ax, ay, bx, by, cx, cy);
        if (c != 0 && c == Orientation(ax, ay, bx, by, dx, dy))
            return true;
        var a1 = Orientation(cx, cy, dx, dy, ax, ay);
        return a1 != 0 && a1 == Orientation(cx, cy, dx, dy, bx, by);
    }

    /// <summary>Sign of the turn a → b → c (+1 left, −1 right), or 0 when it is zero or not certain in doubles.</summary>
    private static int Orientation(double ax, double ay, double bx, double by, double cx, double cy)
    {
        var left = (ax - cx) * (by - cy);
        var right = (ay - cy) * (bx - cx);
        var determinant = left - right;
        var bound = OrientationErrorBound * (Math.Abs(left) + Math.Abs(right));
        if (determinant > bound)
            return 1;
        return -determinant > bound ? -1 : 0;
    }

    private static bool TryReadHeader(ReadOnlySpan<byte> wkb, out bool littleEndian, out uint type)
    {
        littleEndian = wkb.Length > 0 && wkb[0] == 1;
        type = 0;
        if (wkb.Length < 5 || wkb[0] > 1)
            return false;
        type = ReadUInt32(wkb[1..], littleEndian);
        return true;
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);

    private static double ReadDouble(ReadOnlySpan<byte> bytes, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadDoubleLittleEndian(bytes) : BinaryPrimitives.ReadDoubleBigEndian(bytes);
}

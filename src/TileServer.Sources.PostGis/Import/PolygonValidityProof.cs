namespace TileServer.Sources.PostGis.Import;

using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    /// <summary>More x-monotone chains than this and the ring is left to the server (the check is quadratic in them).</summary>
    private const int MaxChains = 64;

    private const uint WkbPolygon = 3;
    private const uint WkbMultiPolygon = 6;

    // Shewchuk's bound for orient2d evaluated in doubles, (3 + 16ε)ε with ε = 2^-53, taken 4× larger for margin:
    // a sign whose magnitude exceeds it times |detleft| + |detright| is the exact sign.
    private const double OrientationErrorBound = 4 * 3.3306690738754716e-16;

    // The bound is relative, so it holds only for products well clear of the subnormal range (about 2.2e-308).
    private const double SmallestTrustedMagnitude = 1e-280;

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        if (littleEndian && BitConverter.IsLittleEndian)
        {
            var pairs = MemoryMarshal.Cast<byte, double>(coordinates);
            for (var i = 0; i < count; i++)
            {
                xs[i] = pairs[2 * i];
                ys[i] = pairs[2 * i + 1];
            }
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                xs[i] = ReadDouble(coordinates[(i * 16)..], littleEndian);
                ys[i] = ReadDouble(coordinates[(i * 16 + 8)..], littleEndian);
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (!double.IsFinite(xs[i]) || !double.IsFinite(ys[i]))
                return false;
        }

        if (xs[0] != xs[count - 1] || ys[0] != ys[count - 1])
            return false; // not closed
        return RingIsSimple(xs, ys, count - 1);
    }

    /// <summary>Segment i runs from point i to point i + 1; point <paramref name="segments"/> repeats point 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        // Every other pair must be disjoint. The ring splits into chains of consecutive segments along which x only
        // grows or only shrinks (a vertical segment is a chain of its own). Within a chain, segments that are not
        // neighbours span x ranges that do not even touch, so only pairs from two different chains can meet, and
        // walking both chains in x order finds every pair whose x ranges overlap.
        Span<int> chainStart = stackalloc int[MaxChains + 1];
        Span<int> chainDirection = stackalloc int[MaxChains];
        var chains = 0;
        var direction = 2; // none yet
        for (var i = 0; i < segments; i++)
        {
            var step = xs[i + 1] - xs[i];
            var d = step > 0 ? 1 : step < 0 ? -1 : 0;
            if (d == direction && d != 0)
                continue;
            if (chains == MaxChains)
                return false; // a ring this convoluted is left to the server
            chainStart[chains] = i;
            chainDirection[chains++] = d;
            direction = d;
        }

        chainStart[chains] = segments;

        // Each chain's box: most pairs of chains of a ring lie apart, and a box test settles them.
        Span<double> box = stackalloc double[4 * chains];
        for (var c = 0; c < chains; c++)
        {
            double minX = xs[chainStart[c]], maxX = minX, minY = ys[chainStart[c]], maxY = minY;
            for (var p = chainStart[c] + 1; p <= chainStart[c + 1]; p++)
            {
                minX = Smaller(minX, xs[p]);
                maxX = Larger(maxX, xs[p]);
                minY = Smaller(minY, ys[p]);
                maxY = Larger(maxY, ys[p]);
            }

            box[4 * c] = minX;
            box[4 * c + 1] = maxX;
            box[4 * c + 2] = minY;
            box[4 * c + 3] = maxY;
        }

        for (var a = 0; a < chains; a++)
        {
            for (var b = a + 1; b < chains; b++)
            {
                if (box[4 * a + 1] < box[4 * b] || box[4 * b + 1] < box[4 * a] || box[4 * a + 3] < box[4 * b + 2] || box[4 * b + 3] < box[4 * a + 2])
                    continue;
                if (!ChainsAreDisjoint(xs, ys, segments, chainStart[a], chainStart[a + 1], chainDirection[a], chainStart[b], chainStart[b + 1], chainDirection[b]))
                    return false;
            }
        }

        return true;
    }

    /// <summary>Every pair of segments, one from each chain, whose x ranges overlap is disjoint or ring neighbours.
    /// Each chain is walked in increasing x (a shrinking chain backwards); the x ranges along it increase at both ends,
    /// so the first candidate in the other chain only moves forward.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ChainsAreDisjoint(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int segments,
        int aFirst, int aEnd, int aDirection, int bFirst, int bEnd, int bDirection)
    {
        var aCount = aEnd - aFirst;
        var bCount = bEnd - bFirst;
        var candidate = 0;
        for (var ia = 0; ia < aCount; ia++)
        {
            var sa = aDirection < 0 ? aEnd - 1 - ia : aFirst + ia;
            var aLow = Smaller(xs[sa], xs[sa + 1]);
            var aHigh = Larger(xs[sa], xs[sa + 1]);
            while (candidate < bCount && SegmentHighX(xs, bDirection < 0 ? bEnd - 1 - candidate : bFirst + candidate) < aLow)
                candidate++;
            for (var ib = candidate; ib < bCount; ib++)
            {
                var sb = bDirection < 0 ? bEnd - 1 - ib : bFirst + ib;
                if (Smaller(xs[sb], xs[sb + 1]) > aHigh)
                    break;
                if (!AreAdjacent(sa, sb, segments) && !AreDisjoint(xs, ys, sa, sb))
                    return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SegmentHighX(ReadOnlySpan<double> xs, int segment) => Larger(xs[segment], xs[segment + 1]);

    // Math.Min/Max also order NaN and signed zeros; the coordinates here are finite, and a plain comparison is cheaper.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Smaller(double a, double b) => a < b ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Larger(double a, double b) => a > b ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AreAdjacent(int a, int b, int segments)
    {
        var gap = Math.Abs(a - b);
        return gap == 1 || gap == segments - 1;
    }

    /// <summary>True only when the segments certainly share no point: separated boxes, or one segment strictly on
    /// one side of the other's line (for disjoint segments one of the two always holds, OGC or not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AreDisjoint(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int a, int b)
    {
        double ax = xs[a], ay = ys[a], bx = xs[a + 1], by = ys[a + 1];
        double cx = xs[b], cy = ys[b], dx = xs[b + 1], dy = ys[b + 1];
        if (Larger(ay, by) < Smaller(cy, dy) || Larger(cy, dy) < Smaller(ay, by)
            || Larger(ax, bx) < Smaller(cx, dx) || Larger(cx, dx) < Smaller(ax, bx))
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Orientation(double ax, double ay, double bx, double by, double cx, double cy)
    {
        var left = (ax - cx) * (by - cy);
        var right = (ay - cy) * (bx - cx);
        var determinant = left - right;
        var magnitude = Math.Abs(left) + Math.Abs(right);
        if (magnitude < SmallestTrustedMagnitude)
            return 0; // products this small may have underflowed, where the relative bound no longer holds
        var bound = OrientationErrorBound * magnitude;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ReadDouble(ReadOnlySpan<byte> bytes, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadDoubleLittleEndian(bytes) : BinaryPrimitives.ReadDoubleBigEndian(bytes);
}

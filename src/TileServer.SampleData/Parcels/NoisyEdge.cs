namespace TileServer.SampleData.Parcels;

using TileServer.SampleData.Geo;

/// <summary>Turns a straight Voronoi edge into an irregular field boundary. The interior vertices are a
/// pure function of the canonical edge key, so the two neighbouring parcels get bit-identical vertices.
/// The sideways displacement is a sum of sine harmonics that vanish at both ends (tapering near the
/// shared corners) and stays within ~6% of the edge length so convex cells normally stay simple.</summary>
internal static class NoisyEdge
{
    private const double Amplitude = 0.055;
    private const double VertexSpacingMetres = 30;

    /// <summary>Interior vertices (integer millimetres) from A to B of the canonical edge.</summary>
    public static (long X, long Y)[] Interior(EdgeKey key, ulong seed)
    {
        double ax = key.Ax, ay = key.Ay, bx = key.Bx, by = key.By;
        var dx = bx - ax;
        var dy = by - ay;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (length < 3_000)
        {
            return [];
        }

        var random = new DeterministicRandom(DeterministicRandom.Combine(
            DeterministicRandom.Combine(seed, DeterministicRandom.Combine((ulong)key.Ax, (ulong)key.Ay)),
            DeterministicRandom.Combine((ulong)key.Bx, (ulong)key.By)));
        var count = Math.Clamp((int)(length / 1000 / VertexSpacingMetres), 4, 14);
        var c1 = random.Range(-1, 1);
        var c2 = random.Range(-1, 1) / 2;
        var c3 = random.Range(-1, 1) / 3;
        var nx = -dy / length;
        var ny = dx / length;
        var result = new (long X, long Y)[count];
        for (var i = 0; i < count; i++)
        {
            var t = (i + 1 + random.Range(-0.3, 0.3)) / (count + 1);
            var s = Math.Sin(Math.PI * t);
            var shape = (c1 * s) + (c2 * Math.Sin(2 * Math.PI * t)) + (c3 * Math.Sin(3 * Math.PI * t)) + (0.2 * random.Range(-1, 1) * s);
            var offset = Amplitude * length * shape / 1.4;
            result[i] = ((long)Math.Round(ax + (dx * t) + (nx * offset)), (long)Math.Round(ay + (dy * t) + (ny * offset)));
        }

        return result;
    }
}

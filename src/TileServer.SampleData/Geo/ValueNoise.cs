namespace TileServer.SampleData.Geo;

/// <summary>Smooth deterministic 2-D value noise (lattice values from a hash, smoothstep blending),
/// summed over octaves. It stands in for terrain: valleys vs mountains, sandy vs grassy, etc.</summary>
internal sealed class ValueNoise(ulong seed, double wavelengthMetres, int octaves = 4)
{
    /// <summary>Fractal noise in roughly [-1, 1].</summary>
    public double Sample(double x, double y)
    {
        var sum = 0.0;
        var amplitude = 1.0;
        var norm = 0.0;
        var frequency = 1.0 / wavelengthMetres;
        for (var octave = 0; octave < octaves; octave++)
        {
            sum += amplitude * Lattice(x * frequency, y * frequency, (ulong)octave);
            norm += amplitude;
            amplitude *= 0.5;
            frequency *= 2.03;
        }

        return sum / norm;
    }

    private double Lattice(double x, double y, ulong octave)
    {
        var x0 = Math.Floor(x);
        var y0 = Math.Floor(y);
        var tx = Smooth(x - x0);
        var ty = Smooth(y - y0);
        var ix = (long)x0;
        var iy = (long)y0;
        var a = Corner(ix, iy, octave);
        var b = Corner(ix + 1, iy, octave);
        var c = Corner(ix, iy + 1, octave);
        var d = Corner(ix + 1, iy + 1, octave);
        return Lerp(Lerp(a, b, tx), Lerp(c, d, tx), ty);
    }

    private double Corner(long ix, long iy, ulong octave)
    {
        var h = DeterministicRandom.Combine(DeterministicRandom.Combine(seed ^ (octave * 0x632BE59BD9B4E019UL), (ulong)ix), (ulong)iy);
        return ((h >> 11) * (1.0 / (1UL << 53)) * 2.0) - 1.0;
    }

    private static double Smooth(double t) => t * t * (3 - (2 * t));

    private static double Lerp(double a, double b, double t) => a + ((b - a) * t);
}

namespace TileServer.SampleData.Geo;

/// <summary>A small SplitMix64 generator. Used instead of System.Random so the output is defined by
/// this code alone and cannot change with the runtime version.</summary>
internal sealed class DeterministicRandom(ulong seed)
{
    private ulong state = seed;

    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    public static ulong Combine(ulong a, ulong b) => Mix(a ^ Mix(b));

    /// <summary>A stable hash of text (FNV-1a), since string.GetHashCode is randomised per process.</summary>
    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        return Mix(hash);
    }

    public ulong NextULong()
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public double Range(double min, double max) => min + ((max - min) * NextDouble());

    public int Below(int exclusiveMax) => (int)(NextDouble() * exclusiveMax);

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var pick = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            pick -= weights[i];
            if (pick < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }
}

namespace TileServer.SampleData;

/// <summary>Settings of the sample generator.</summary>
public sealed record SampleOptions
{
    /// <summary>Seed of every random choice; the same seed gives identical output.</summary>
    public int Seed { get; init; } = 2035;

    /// <summary>Multiplies parcel counts (1.0 ≈ 230,000 parcels, about 50,000 of them in 平泉市).</summary>
    public double Density { get; init; } = 1.0;

    /// <summary>Optional subset of unit codes (xzqdm); null for all 16 units.</summary>
    public IReadOnlyList<string>? Units { get; init; }

    /// <summary>The preset for performance work: over 2,000,000 parcels, dense everywhere including 通辽.</summary>
    public static SampleOptions Scale(int seed = 2035) => new() { Seed = seed, Density = 9.5 };
}

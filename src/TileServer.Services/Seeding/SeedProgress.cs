namespace TileServer.Services.Seeding;

/// <summary>A snapshot of a seeding run: tiles done (produced, skipped as already present, or empty) of
/// the total, and the tiles stored.</summary>
public readonly record struct SeedProgress(long Done, long Total, long Stored, long Skipped, long Empty, TimeSpan Elapsed)
{
    /// <summary>Tiles done per second, counting skipped ones (they are part of the work list too).</summary>
    public double TilesPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Remaining time at the rate so far; null before the first tile.</summary>
    public TimeSpan? Eta => TilesPerSecond > 0 ? TimeSpan.FromSeconds((Total - Done) / TilesPerSecond) : null;

    public bool IsComplete => Done >= Total;
}

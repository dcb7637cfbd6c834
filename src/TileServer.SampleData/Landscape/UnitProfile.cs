namespace TileServer.SampleData.Landscape;

/// <summary>Per-unit generation parameters. Parcel rates give ~50,000 parcels in 平泉市 and fewer per
/// km² elsewhere (about 230,000 in all); Tongliao shares split the city-wide targets over its 8 units
/// (fractions of each unit's area, rescaled to the city totals; plausible, not official).</summary>
internal sealed record UnitProfile(
    string Code,
    RegionKind Region,
    double ParcelsPerKm2,
    int RiverCount,
    double VillagesPer100Km2,
    IReadOnlyList<TownSeed> Towns,
    double FarmlandShareWeight = 0,
    double GrasslandShareWeight = 0,
    double RedlineShareWeight = 0);

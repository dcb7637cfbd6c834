namespace TileServer.SampleData.Parcels;

/// <summary>What a parcel was allocated to; decides which control lines may use it.</summary>
internal enum ParcelRole
{
    Unassigned,
    TownBuiltUp,
    TownFlexible,
    Village,
    Water,
    Farmland,
    Grassland,
    Natural,
}

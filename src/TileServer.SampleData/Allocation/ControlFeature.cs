namespace TileServer.SampleData.Allocation;

using NetTopologySuite.Geometries;
using TileServer.SampleData.Parcels;

/// <summary>A planned control-line (or 2020 urban land) polygon in the GK plane before attributes are
/// filled in. <see cref="Zone"/> is the planning zone or red-line type; <see cref="Source"/> the parcel
/// it was copied from, when it is a single parcel.</summary>
internal sealed record ControlFeature(string Layer, Geometry Plane, string Zone, int Town, Parcel? Source = null)
{
    public double Area => Plane.Area;
}

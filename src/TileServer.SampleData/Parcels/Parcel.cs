namespace TileServer.SampleData.Parcels;

using NetTopologySuite.Geometries;

/// <summary>One land parcel in the unit's Gauss-Krüger plane, with what the class allocation needs.
/// <see cref="Area"/> is the planar GK area in m².</summary>
internal sealed class Parcel(int index, Geometry plane, int[] neighbours)
{
    public int Index { get; } = index;

    public Geometry Plane { get; } = plane;

    public double Area { get; } = plane.Area;

    public double X { get; } = plane.Centroid.X;

    public double Y { get; } = plane.Centroid.Y;

    public int[] Neighbours { get; } = neighbours;

    public double Elevation { get; set; }

    public double RiverDistance { get; set; }

    /// <summary>Index of the nearest town and the distance to it divided by the town's radius.</summary>
    public int Town { get; set; }

    public double TownDistanceRatio { get; set; }

    public string? Code { get; set; }

    public ParcelRole Role { get; set; }
}

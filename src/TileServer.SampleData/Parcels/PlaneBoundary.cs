namespace TileServer.SampleData.Parcels;

using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using TileServer.SampleData.Geo;

/// <summary>Projects a unit boundary to its GK plane and snaps it to the millimetre grid shared by all
/// parcel vertices.</summary>
internal static class PlaneBoundary
{
    /// <summary>Takes a clean boundary (<see cref="UnitCoverage"/>) to the plane and re-nodes it by a
    /// snap-rounding union on the millimetre grid; the result is valid and may be a multipolygon.</summary>
    public static Geometry Build(Geometry lonLat, GaussKrugerProjection projection)
    {
        var plane = projection.ToPlane(lonLat);
        var fixedBoundary = UnaryUnionNG.Union(plane, ParcelTessellator.Millimetre);
        if (fixedBoundary.IsValid && fixedBoundary is Polygon or MultiPolygon)
        {
            return fixedBoundary;
        }

        throw new InvalidOperationException("A unit boundary could not be made valid on the millimetre grid.");
    }
}

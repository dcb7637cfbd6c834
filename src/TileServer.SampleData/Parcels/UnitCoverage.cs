namespace TileServer.SampleData.Parcels;

using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using TileServer.SampleData.Reference;

/// <summary>The 16 source boundaries overlap their neighbours slightly and self-touch where the
/// 1/1024-degree quantisation pinched them. This repairs them once, in file order, into a clean
/// coverage on a 1e-7 degree grid (about 1 cm): each unit minus the units before it. Always built
/// from all 16 units, so a unit's shape does not depend on which units a run generates.</summary>
internal static class UnitCoverage
{
    private static readonly PrecisionModel Grid = new(1e7);
    private static readonly Lazy<IReadOnlyDictionary<string, Geometry>> Clean = new(Build);

    public static Geometry LonLat(string code) => Clean.Value[code];

    private static IReadOnlyDictionary<string, Geometry> Build()
    {
        var result = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        Geometry? taken = null;
        foreach (var county in CountyBoundaryCatalog.All)
        {
            var shape = UnaryUnionNG.Union(GeometryFixer.Fix(county.LonLat), Grid);
            if (taken is not null)
            {
                shape = OverlayNG.Overlay(shape, taken, SpatialFunction.Difference, Grid);
            }

            result[county.Code] = shape;
            taken = taken is null ? shape : OverlayNG.Overlay(taken, shape, SpatialFunction.Union, Grid);
        }

        // Straight lon/lat segments do not stay straight in the plane, so neighbours must share every
        // vertex of their common border, not just its line.
        var all = result.Values.SelectMany(g => g.Coordinates).Distinct().ToList();
        foreach (var code in result.Keys.ToList())
        {
            result[code] = SharedVertexInserter.Insert(result[code], all);
        }

        return result;
    }
}

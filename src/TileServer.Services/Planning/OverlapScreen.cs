namespace TileServer.Services.Planning;

using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

/// <summary>Tells whether a control-line polygon can take part in any conflict of its unit: whether its envelope
/// (in the unit's plane) meets the envelope of a polygon of another control line there. It is the same envelope
/// test <see cref="ConflictFinder"/> uses to pick overlay candidates, so dropping the polygons that fail it changes
/// no conflict. Built from the units once every other control line has been read.</summary>
internal sealed class OverlapScreen
{
    private readonly Dictionary<UnitAccumulator, STRtree<Envelope>> trees = [];

    public OverlapScreen(IEnumerable<UnitAccumulator> units)
    {
        foreach (var unit in units)
        {
            STRtree<Envelope>? tree = null;
            foreach (var polygon in unit.ControlLines.Values.SelectMany(list => list))
            {
                tree ??= new STRtree<Envelope>();
                tree.Insert(polygon.EnvelopeInternal, polygon.EnvelopeInternal);
            }

            if (tree is not null)
            {
                tree.Build();
                trees[unit] = tree;
            }
        }
    }

    public bool MayOverlap(UnitAccumulator unit, Geometry plane) =>
        trees.TryGetValue(unit, out var tree) && tree.Query(plane.EnvelopeInternal).Count > 0;
}

namespace TileServer.SampleData.Geo;

using NetTopologySuite.Geometries;

/// <summary>Replaces every coordinate of a geometry in place with a mapped one.</summary>
internal sealed class CoordinateMapFilter(Func<Coordinate, Coordinate> map) : ICoordinateSequenceFilter
{
    public bool Done => false;

    public bool GeometryChanged => true;

    public void Filter(CoordinateSequence seq, int i)
    {
        var mapped = map(seq.GetCoordinate(i));
        seq.SetX(i, mapped.X);
        seq.SetY(i, mapped.Y);
    }
}

namespace TileServer.SampleData.Parcels;

/// <summary>A cell edge in canonical form: endpoints as integer millimetres, smaller endpoint first, so
/// both cells sharing the edge derive the same key (and therefore the same noisy vertices).</summary>
internal readonly record struct EdgeKey(long Ax, long Ay, long Bx, long By)
{
    public static EdgeKey Of(long x1, long y1, long x2, long y2, out bool reversed)
    {
        reversed = x1 > x2 || (x1 == x2 && y1 > y2);
        return reversed ? new EdgeKey(x2, y2, x1, y1) : new EdgeKey(x1, y1, x2, y2);
    }
}

namespace TileServer.Mvt.Geometry;

/// <summary>
/// Sutherland–Hodgman clipping of one polygon ring against the buffered tile rectangle. A concave ring that
/// leaves and re-enters the box gets degenerate connecting edges along the box border; because the box is the
/// buffered one, those artefacts lie only in the buffer outside the visible tile, which renderers clip away.
/// </summary>
internal sealed class RingClipper
{
    private readonly PointBuffer<double> _scratch = new();

    private enum Edge
    {
        Left,
        Right,
        Top,
        Bottom,
    }

    /// <summary>Clips the open ring in <paramref name="ring"/> in place (its contents are replaced).</summary>
    public void Clip(PointBuffer<double> ring, ClipBox box)
    {
        ClipAgainst(ring, _scratch, Edge.Left, box.Min);
        ClipAgainst(_scratch, ring, Edge.Right, box.Max);
        ClipAgainst(ring, _scratch, Edge.Top, box.Min);
        ClipAgainst(_scratch, ring, Edge.Bottom, box.Max);
    }

    private static void ClipAgainst(PointBuffer<double> input, PointBuffer<double> output, Edge edge, double boundary)
    {
        output.Clear();
        int count = input.Count;
        if (count == 0)
        {
            return;
        }

        double previousX = input.X(count - 1);
        double previousY = input.Y(count - 1);
        bool previousInside = IsInside(previousX, previousY, edge, boundary);
        for (int i = 0; i < count; i++)
        {
            double x = input.X(i);
            double y = input.Y(i);
            bool inside = IsInside(x, y, edge, boundary);
            if (inside != previousInside)
            {
                AddIntersection(output, previousX, previousY, x, y, edge, boundary);
            }

            if (inside)
            {
                output.Add(x, y);
            }

            previousX = x;
            previousY = y;
            previousInside = inside;
        }
    }

    private static bool IsInside(double x, double y, Edge edge, double boundary) => edge switch
    {
        Edge.Left => x >= boundary,
        Edge.Right => x <= boundary,
        Edge.Top => y >= boundary,
        _ => y <= boundary,
    };

    private static void AddIntersection(PointBuffer<double> output, double ax, double ay, double bx, double by, Edge edge, double boundary)
    {
        if (edge is Edge.Left or Edge.Right)
        {
            double t = (boundary - ax) / (bx - ax);
            output.Add(boundary, ay + (t * (by - ay)));
        }
        else
        {
            double t = (boundary - ay) / (by - ay);
            output.Add(ax + (t * (bx - ax)), boundary);
        }
    }
}

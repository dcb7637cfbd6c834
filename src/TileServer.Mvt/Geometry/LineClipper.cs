namespace TileServer.Mvt.Geometry;

/// <summary>
/// Clips a polyline to the buffered tile rectangle segment by segment (Liang–Barsky), splitting it into
/// several lines wherever it leaves the box and comes back.
/// </summary>
internal static class LineClipper
{
    /// <summary>
    /// Appends the clipped pieces to <paramref name="output"/>; <paramref name="partEnds"/> receives the exclusive
    /// end index of each piece. Pieces with fewer than two points are not produced.
    /// </summary>
    public static void Clip(PointBuffer<double> line, ClipBox box, PointBuffer<double> output, List<int> partEnds)
    {
        int pieceStart = output.Count;
        for (int i = 0; i + 1 < line.Count; i++)
        {
            double ax = line.X(i);
            double ay = line.Y(i);
            double bx = line.X(i + 1);
            double by = line.Y(i + 1);
            if (!ClipSegment(ax, ay, bx, by, box, out double t0, out double t1))
            {
                EndPiece(output, partEnds, ref pieceStart);
                continue;
            }

            double dx = bx - ax;
            double dy = by - ay;
            if (output.Count == pieceStart)
            {
                output.Add(t0 == 0 ? ax : ax + (t0 * dx), t0 == 0 ? ay : ay + (t0 * dy));
            }

            output.Add(t1 == 1 ? bx : ax + (t1 * dx), t1 == 1 ? by : ay + (t1 * dy));
            if (t1 < 1)
            {
                // The segment leaves the box: whatever comes next starts a new line.
                EndPiece(output, partEnds, ref pieceStart);
            }
        }

        EndPiece(output, partEnds, ref pieceStart);
    }

    private static void EndPiece(PointBuffer<double> output, List<int> partEnds, ref int pieceStart)
    {
        int length = output.Count - pieceStart;
        if (length >= 2)
        {
            partEnds.Add(output.Count);
            pieceStart = output.Count;
            return;
        }

        while (output.Count > pieceStart)
        {
            output.RemoveLast();
        }
    }

    /// <summary>Liang–Barsky: the parameter range [t0, t1] of segment ab inside the box, false when outside.</summary>
    private static bool ClipSegment(double ax, double ay, double bx, double by, ClipBox box, out double t0, out double t1)
    {
        t0 = 0;
        t1 = 1;
        double dx = bx - ax;
        double dy = by - ay;
        return Narrow(-dx, ax - box.Min, ref t0, ref t1)
            && Narrow(dx, box.Max - ax, ref t0, ref t1)
            && Narrow(-dy, ay - box.Min, ref t0, ref t1)
            && Narrow(dy, box.Max - ay, ref t0, ref t1);
    }

    private static bool Narrow(double p, double q, ref double t0, ref double t1)
    {
        if (p == 0)
        {
            return q >= 0;
        }

        double r = q / p;
        if (p < 0)
        {
            if (r > t1)
            {
                return false;
            }

            if (r > t0)
            {
                t0 = r;
            }
        }
        else
        {
            if (r < t0)
            {
                return false;
            }

            if (r < t1)
            {
                t1 = r;
            }
        }

        return true;
    }
}

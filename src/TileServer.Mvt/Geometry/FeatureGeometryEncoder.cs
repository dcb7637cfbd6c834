namespace TileServer.Mvt.Geometry;

/// <summary>
/// The per-feature geometry pipeline: Douglas–Peucker simplification (double precision), clipping to the
/// buffered tile box, rounding to the integer grid, removal of repeated points and degenerate parts, winding
/// fix-up, and command emission. All scratch state is kept between features.
/// </summary>
internal sealed class FeatureGeometryEncoder
{
    private readonly DouglasPeucker _simplifier = new();
    private readonly RingClipper _ringClipper = new();
    private readonly PointBuffer<double> _work = new();
    private readonly PointBuffer<double> _pieces = new();
    private readonly List<int> _pieceEnds = new();
    private readonly PointBuffer<int> _rounded = new();

    public FeatureGeometryEncoder(ClipBox box) => Box = box;

    public ClipBox Box { get; set; }

    /// <summary>Writes the commands for <paramref name="geometry"/>; false when nothing survived.</summary>
    public bool Encode(MvtGeometry geometry, double tolerance, double minPolygonArea, CommandWriter writer)
    {
        writer.Reset();
        if (geometry.Type is not (MvtGeometryType.Point or MvtGeometryType.LineString or MvtGeometryType.Polygon))
        {
            throw new ArgumentException("Geometry type must be Point, LineString or Polygon.", nameof(geometry));
        }

        if (geometry.PointCount == 0)
        {
            return false;
        }

        switch (geometry.Type)
        {
            case MvtGeometryType.Point:
                EncodePoints(geometry, writer);
                break;
            case MvtGeometryType.LineString:
                EncodeLines(geometry, tolerance, writer);
                break;
            default:
                EncodePolygons(geometry, tolerance, minPolygonArea, writer);
                break;
        }

        return writer.Count > 0;
    }

    /// <summary>
    /// Rounds half up (floor(v + 0.5)) rather than away from zero so that a coordinate shared by two neighbouring
    /// tiles (v in one, v - Extent in the other) lands on the same world grid position in both.
    /// </summary>
    private static int Round(double value) => (int)Math.Floor(value + 0.5);

    private void EncodePoints(MvtGeometry geometry, CommandWriter writer)
    {
        // MVT 2.1 §4.3.4.2: a single MoveTo whose count is the number of points.
        int slot = writer.ReserveCommand();
        int kept = 0;
        ReadOnlySpan<double> xs = geometry.Xs;
        ReadOnlySpan<double> ys = geometry.Ys;
        for (int i = 0; i < xs.Length; i++)
        {
            if (Box.Contains(xs[i], ys[i]))
            {
                writer.AddPoint(Round(xs[i]), Round(ys[i]));
                kept++;
            }
        }

        if (kept == 0)
        {
            writer.Reset();
            return;
        }

        writer.SetCommand(slot, CommandWriter.MoveTo, kept);
    }

    private void EncodeLines(MvtGeometry geometry, double tolerance, CommandWriter writer)
    {
        for (int part = 0; part < geometry.PartCount; part++)
        {
            int start = geometry.GetPart(part).Start;
            int end = geometry.GetPartEnd(part);
            LoadPart(geometry, start, end, closed: false, tolerance);

            _pieces.Clear();
            _pieceEnds.Clear();
            LineClipper.Clip(_work, Box, _pieces, _pieceEnds);
            int pieceStart = 0;
            foreach (int pieceEnd in _pieceEnds)
            {
                RoundWithoutRepeats(_pieces, pieceStart, pieceEnd, closed: false);
                pieceStart = pieceEnd;
                if (_rounded.Count >= 2)
                {
                    writer.WriteLine(_rounded);
                }
            }
        }
    }

    private void EncodePolygons(MvtGeometry geometry, double tolerance, double minPolygonArea, CommandWriter writer)
    {
        bool exteriorKept = false;
        for (int part = 0; part < geometry.PartCount; part++)
        {
            bool isExterior = geometry.GetPart(part).StartsPolygon;
            if (!isExterior && !exteriorKept)
            {
                // A hole whose exterior ring was dropped has nothing to cut a hole into.
                continue;
            }

            bool kept = PrepareRing(geometry, part, tolerance, minPolygonArea, out long twiceArea);
            if (isExterior)
            {
                exteriorKept = kept;
            }

            if (!kept)
            {
                continue;
            }

            // MVT 2.1 §4.3.4.4: exterior rings have positive surveyor's-formula area in tile coordinates
            // (y down, i.e. clockwise on screen), interior rings negative.
            bool reverse = isExterior ? twiceArea < 0 : twiceArea > 0;
            writer.WriteRing(_rounded, reverse);
        }
    }

    /// <summary>Runs one ring through simplify/clip/round into <see cref="_rounded"/>; false when it degenerates.</summary>
    private bool PrepareRing(MvtGeometry geometry, int part, double tolerance, double minPolygonArea, out long twiceArea)
    {
        twiceArea = 0;
        int start = geometry.GetPart(part).Start;
        int end = geometry.GetPartEnd(part);
        ReadOnlySpan<double> xs = geometry.Xs;
        ReadOnlySpan<double> ys = geometry.Ys;

        // Rings may arrive explicitly closed (first point repeated at the end); work on the open form.
        while (end - start > 1 && xs[end - 1] == xs[start] && ys[end - 1] == ys[start])
        {
            end--;
        }

        if (end - start < 3)
        {
            return false;
        }

        LoadPart(geometry, start, end, closed: true, tolerance);
        if (!ClipRing())
        {
            return false;
        }

        RoundWithoutRepeats(_work, 0, _work.Count, closed: true);
        if (_rounded.Count < 3)
        {
            return false;
        }

        twiceArea = TwiceSignedArea(_rounded);
        return twiceArea != 0 && Math.Abs((double)twiceArea) >= 2 * minPolygonArea;
    }

    /// <summary>Clips <see cref="_work"/> unless its bounding box is already inside; false if it lies wholly outside.</summary>
    private bool ClipRing()
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (int i = 0; i < _work.Count; i++)
        {
            double x = _work.X(i);
            double y = _work.Y(i);
            minX = Math.Min(minX, x);
            maxX = Math.Max(maxX, x);
            minY = Math.Min(minY, y);
            maxY = Math.Max(maxY, y);
        }

        if (maxX < Box.Min || minX > Box.Max || maxY < Box.Min || minY > Box.Max)
        {
            return false;
        }

        if (minX < Box.Min || maxX > Box.Max || minY < Box.Min || maxY > Box.Max)
        {
            _ringClipper.Clip(_work, Box);
        }

        return _work.Count >= 3;
    }

    /// <summary>Copies points [start, end) into <see cref="_work"/>, simplified when a tolerance is set.</summary>
    private void LoadPart(MvtGeometry geometry, int start, int end, bool closed, double tolerance)
    {
        _work.Clear();
        ReadOnlySpan<double> xs = geometry.Xs[start..end];
        ReadOnlySpan<double> ys = geometry.Ys[start..end];
        if (tolerance > 0)
        {
            _simplifier.Simplify(xs, ys, closed, tolerance, _work);
            return;
        }

        for (int i = 0; i < xs.Length; i++)
        {
            _work.Add(xs[i], ys[i]);
        }
    }

    /// <summary>Rounds points [start, end) of <paramref name="source"/> into <see cref="_rounded"/>, skipping repeats.</summary>
    private void RoundWithoutRepeats(PointBuffer<double> source, int start, int end, bool closed)
    {
        _rounded.Clear();
        for (int i = start; i < end; i++)
        {
            int x = Round(source.X(i));
            int y = Round(source.Y(i));
            int last = _rounded.Count - 1;
            if (last >= 0 && _rounded.X(last) == x && _rounded.Y(last) == y)
            {
                continue;
            }

            _rounded.Add(x, y);
        }

        // A ring's implicit closing edge must not be zero-length either (ClosePath after a point equal to the start).
        while (closed && _rounded.Count > 1
            && _rounded.X(_rounded.Count - 1) == _rounded.X(0) && _rounded.Y(_rounded.Count - 1) == _rounded.Y(0))
        {
            _rounded.RemoveLast();
        }
    }

    /// <summary>Twice the surveyor's-formula area, Σ(x_i·y_{i+1} − x_{i+1}·y_i) (MVT 2.1 §4.3.4.4), exact in 64-bit.</summary>
    internal static long TwiceSignedArea(PointBuffer<int> ring)
    {
        long sum = 0;
        int count = ring.Count;
        for (int i = 0; i < count; i++)
        {
            int next = i + 1 == count ? 0 : i + 1;
            sum += ((long)ring.X(i) * ring.Y(next)) - ((long)ring.X(next) * ring.Y(i));
        }

        return sum;
    }
}

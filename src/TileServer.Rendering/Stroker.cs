namespace TileServer.Rendering;

/// <summary>
/// Converts a stroked polyline path into outline polygons that, filled with the non-zero rule, cover
/// exactly the stroke (SVG 1.1 §11.4 stroke geometry).
/// <para>
/// Each open subpath becomes one ring: left offset forward, end cap, right offset backward, start cap.
/// A closed subpath becomes two rings (outer and inner offset loops) with joins at every vertex.
/// Joins are drawn on the outer side of a turn only. On the inner side the two offset lines are cut at
/// their intersection when both segments are long enough; otherwise the ring goes through the vertex
/// ("pivot"), which adds a small positively-wound loop — every piece keeps the same orientation, so the
/// non-zero union never cancels.
/// </para>
/// </summary>
internal sealed class Stroker
{
    /// <summary>Maximum distance in pixels between a round join/cap arc and its polygonal approximation, for
    /// strokes from 2.5 px wide.</summary>
    private const double ArcTolerance = 0.02;

    /// <summary>Largest arc-to-chord distance, for the thinnest strokes (see <see cref="Stroke"/>).</summary>
    private const double ThinArcTolerance = 0.05;

    /// <summary>Tolerance × half-width below which the tolerance grows from <see cref="ArcTolerance"/> towards
    /// <see cref="ThinArcTolerance"/> (0.025: 0.05 px at a half-width of 0.5 px, 0.02 px from 1.25 px on).</summary>
    private const double ThinArcToleranceArea = 0.025;

    private readonly StrokeVertices _ring = new();
    private double _halfWidth;
    private double _arcStep;
    private double _joinArcStep;
    private double _joinArcStepCosine;
    private double _joinTwoStepCosine;
    private double _arcHalfWidth = double.NaN;
    private StrokeStyle _style = new();
    private VectorPath _outline = new();
    private bool _startRing;

    /// <summary>Appends the outline of <paramref name="source"/> stroked with <paramref name="style"/> to <paramref name="outline"/>.</summary>
    public void Stroke(VectorPath source, StrokeStyle style, VectorPath outline)
    {
        _halfWidth = style.Width / 2;
        if (!(_halfWidth > 0) || !double.IsFinite(_halfWidth))
        {
            return;
        }

        _style = style;
        _outline = outline;
        if (_halfWidth != _arcHalfWidth)
        {
            // Features of one style share a width: the arc step is derived once for it.
            _arcHalfWidth = _halfWidth;
            // Strokes under a pixel wide (the 0.8 px farmland outline, stroked around every sub-pixel parcel
            // at z8) allow up to 0.05 px between arc and chord: an arc of radius 0.4 px then needs a third fewer
            // points, and a join's area changes by at most about 0.013 px² (3/255 of a pixel).
            var tolerance = Math.Clamp(ThinArcToleranceArea / _halfWidth, ArcTolerance, ThinArcTolerance);
            _arcStep = _halfWidth > tolerance ? 2 * Math.Acos(1 - (tolerance / _halfWidth)) : Math.PI;

            // Joins use the arc's circumscribed polygon (see RoundJoin): a step of s puts its corners
            // hw / cos(s/2) − hw outside the arc, so s = 2·acos(hw / (hw + tolerance)).
            _joinArcStep = 2 * Math.Acos(_halfWidth / (_halfWidth + tolerance));
            _joinArcStepCosine = Math.Cos(_joinArcStep);
            _joinTwoStepCosine = Math.Cos(Math.Min(2 * _joinArcStep, Math.PI));
        }
        for (var s = 0; s < source.SubpathCount; s++)
        {
            _ring.Load(source, s, closed: source.IsClosed(s));
            if (_ring.Count < 2)
            {
                continue; // Zero-length subpaths draw nothing (dots for round caps are not produced).
            }

            if (source.IsClosed(s) && _ring.Count >= 3)
            {
                // A ring no wider than the stroke in x or y has an empty inner offset: every point inside
                // it lies within half the width of its boundary (the nearer side of its bounding box is at
                // most that far, and the boundary comes first). The stroke is then the outer offset ring and
                // everything it encloses, so the inner ring — a tangle of pivot loops at that size — is
                // skipped. Shoelace sign: with a positive area the left normal (−dy, dx) points inwards.
                var area = NarrowRing.TwiceArea(_ring.Xs, _ring.Ys, 2 * _halfWidth);
                if (area != 0)
                {
                    _startRing = true;
                    EmitClosedSide(reverse: area > 0);
                    _outline.Close();
                    continue;
                }

                _startRing = true;
                EmitClosedSide(reverse: false);
                _outline.Close();
                _startRing = true;
                EmitClosedSide(reverse: true);
                _outline.Close();
            }
            else
            {
                _startRing = true;
                EmitOpenSide(reverse: false);
                EmitOpenSide(reverse: true);
                _outline.Close();
            }
        }
    }

    private void EmitOpenSide(bool reverse)
    {
        // Each segment's direction is computed once and handed from one join to the next.
        var ring = _ring;
        var (dx, dy, length) = ring.Segment(reverse, 0);
        Emit(ring.X(reverse, 0) - (dy * _halfWidth), ring.Y(reverse, 0) + (dx * _halfWidth));
        for (var i = 1; i < ring.Count - 1; i++)
        {
            var (d1x, d1y, len1) = ring.Segment(reverse, i);
            Join(ring.X(reverse, i), ring.Y(reverse, i), dx, dy, length, d1x, d1y, len1);
            (dx, dy, length) = (d1x, d1y, len1);
        }

        Cap(ring.X(reverse, ring.Count - 1), ring.Y(reverse, ring.Count - 1), dx, dy);
    }

    private void EmitClosedSide(bool reverse)
    {
        // Each segment's direction is computed once and handed from one join to the next.
        var ring = _ring;
        var (dx, dy, length) = ring.Segment(reverse, ring.Count - 1);
        for (var i = 0; i < ring.Count; i++)
        {
            var (d1x, d1y, len1) = ring.Segment(reverse, i);
            Join(ring.X(reverse, i), ring.Y(reverse, i), dx, dy, length, d1x, d1y, len1);
            (dx, dy, length) = (d1x, d1y, len1);
        }
    }

    private void Join(double px, double py, double d0x, double d0y, double len0, double d1x, double d1y, double len1)
    {
        var hw = _halfWidth;
        // Offset normals n = (−dy, dx); cross > 0 means the path turns towards n, i.e. n is the inner side.
        var cross = (d0x * d1y) - (d0y * d1x);
        var dot = (d0x * d1x) + (d0y * d1y);
        double a0x = px - (d0y * hw), a0y = py + (d0x * hw);
        double a1x = px - (d1y * hw), a1y = py + (d1x * hw);
        if (Math.Abs(cross) < 1e-12 && dot > 0)
        {
            return; // Straight on: both offset lines are one line, which the neighbouring points already lie on.
        }

        // Intersection of the two offset lines: p + (n0 + n1)·hw / (1 + d0·d1); also the miter tip.
        var scale = 1 + dot > 1e-12 ? hw / (1 + dot) : double.PositiveInfinity;
        var meetX = px + ((-d0y - d1y) * scale);
        var meetY = py + ((d0x + d1x) * scale);
        if (cross > 0)
        {
            var consumed = Math.Abs(cross) * scale;
            if (consumed <= 0.5 * Math.Min(len0, len1))
            {
                Emit(meetX, meetY);
                return;
            }

            Emit(a0x, a0y);
            Emit(px, py);
            Emit(a1x, a1y);
            return;
        }

        // The outer side. The point before this join lies on the first offset line and the one after it on
        // the second, so a corner on both lines (the miter tip) needs neither a0 nor a1 around it.
        switch (_style.Join)
        {
            // Miter length / width = 1 / cos(turn/2) = 1 / sqrt((1 + d0·d1) / 2) (SVG 1.1 §11.4 'stroke-miterlimit').
            case LineJoin.Miter when 1 + dot > 1e-12 && 1 / Math.Sqrt((1 + dot) / 2) <= _style.MiterLimit:
                Emit(meetX, meetY);
                return;
            case LineJoin.Round:
                // d0·d1 = cos(turn): a turn within one step of the circumscribed arc is its miter tip, no atan2.
                if (dot >= _joinArcStepCosine)
                {
                    Emit(meetX, meetY);
                    return;
                }

                if (dot >= _joinTwoStepCosine && 1 + dot > 1e-6)
                {
                    TwoStepRoundJoin(px, py, -d0y, d0x, -d1y, d1x, dot);
                    return;
                }

                RoundJoin(px, py, -d0y, d0x, Math.Abs(cross) < 1e-12 ? -Math.PI : Math.Atan2(cross, dot));
                return;
        }

        Emit(a0x, a0y);
        Emit(a1x, a1y);
    }

    /// <summary>
    /// <see cref="RoundJoin"/> in two steps, without trigonometry (most parcel corners: up to 2 × 54° for the
    /// 0.8 px outline). With the unit normals n0, n1 and their bisector m = (n0 + n1) / (2·cos(turn/2)), the two
    /// corners are where the tangents at n0 and m, and at m and n1, meet: hw·(a + b) / (1 + a·b) for normals a, b.
    /// </summary>
    private void TwoStepRoundJoin(double cx, double cy, double n0x, double n0y, double n1x, double n1y, double dot)
    {
        var halfTurnCosine = Math.Sqrt((1 + dot) / 2); // n0·m = n1·m
        var toBisector = 1 / (2 * halfTurnCosine);
        double mx = (n0x + n1x) * toBisector, my = (n0y + n1y) * toBisector;
        var scale = _halfWidth / (1 + halfTurnCosine);
        Emit(cx + ((n0x + mx) * scale), cy + ((n0y + my) * scale));
        Emit(cx + ((mx + n1x) * scale), cy + ((my + n1y) * scale));
    }

    /// <summary>
    /// The outer side of a round join around (cx, cy) from the offset direction (ux, uy) through
    /// <paramref name="sweep"/>: the polygon circumscribing the arc, whose first corner lies on the first
    /// offset line and last on the second. k steps give k corners where the inscribed polygon from a0 to a1
    /// has k + 1 points; each corner is hw / cos(step/2) − hw outside the arc, within the arc tolerance.
    /// </summary>
    private void RoundJoin(double cx, double cy, double ux, double uy, double sweep)
    {
        var segments = (int)Math.Clamp(Math.Ceiling(Math.Abs(sweep) / _joinArcStep), 1, 512);
        var step = sweep / segments;
        var (sin, cos) = Math.SinCos(step);
        var (halfSin, halfCos) = Math.SinCos(step / 2);
        var radius = _halfWidth / halfCos;
        (ux, uy) = ((ux * halfCos) - (uy * halfSin), (ux * halfSin) + (uy * halfCos));
        for (var k = 0; k < segments; k++)
        {
            Emit(cx + (radius * ux), cy + (radius * uy));
            (ux, uy) = ((ux * cos) - (uy * sin), (ux * sin) + (uy * cos));
        }
    }

    /// <summary>End cap at (px, py) travelling along d, from the left offset (already emitted) towards the right one.</summary>
    private void Cap(double px, double py, double dx, double dy)
    {
        var hw = _halfWidth;
        Emit(px - (dy * hw), py + (dx * hw));
        switch (_style.Cap)
        {
            case LineCap.Square:
                Emit(px - (dy * hw) + (dx * hw), py + (dx * hw) + (dy * hw));
                Emit(px + (dy * hw) + (dx * hw), py - (dx * hw) + (dy * hw));
                break;
            case LineCap.Round:
                Arc(px, py, -dy, dx, -Math.PI);
                break;
        }
    }

    /// <summary>Emits the interior points of an arc of radius hw around (cx, cy) starting in the unit direction
    /// (ux, uy); the endpoints are emitted by the caller. The points come from rotating that direction by a
    /// fixed step (one sine and cosine per arc rather than per point).</summary>
    private void Arc(double cx, double cy, double ux, double uy, double sweep)
    {
        var segments = (int)Math.Clamp(Math.Ceiling(Math.Abs(sweep) / _arcStep), 1, 512);
        if (segments == 1)
        {
            return;
        }

        var (sin, cos) = Math.SinCos(sweep / segments);
        for (var k = 1; k < segments; k++)
        {
            (ux, uy) = ((ux * cos) - (uy * sin), (ux * sin) + (uy * cos));
            Emit(cx + (_halfWidth * ux), cy + (_halfWidth * uy));
        }
    }

    private void Emit(double x, double y)
    {
        if (_startRing)
        {
            _outline.MoveTo(x, y);
            _startRing = false;
        }
        else
        {
            _outline.LineTo(x, y);
        }
    }
}

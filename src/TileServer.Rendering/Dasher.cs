namespace TileServer.Rendering;

/// <summary>
/// Splits a path into dashes (SVG 1.1 §11.4 'stroke-dasharray'/'stroke-dashoffset'). Dashes continue
/// through vertices, so a dash spanning a corner is still joined. Only the part of each segment inside the
/// canvas grown by a margin produces dashes; the pattern phase is advanced arithmetically over the rest, so a
/// 1e9-pixel segment costs the same as a visible one.
/// </summary>
internal sealed class Dasher
{
    /// <summary>Patterns shorter than this are visually solid and would only multiply work.</summary>
    private const double MinimumPatternLength = 0.1;

    private double[] _pattern = new double[8];
    private int _patternCount;
    private double _patternLength;
    private int _index;
    private double _remaining;
    private bool _dashOpen;
    private VectorPath _output = new();

    /// <summary>Writes the dashes of <paramref name="source"/> to <paramref name="output"/>; false when the pattern is not dashable.</summary>
    public bool Dash(VectorPath source, StrokeStyle style, double minX, double minY, double maxX, double maxY, VectorPath output)
    {
        if (!LoadPattern(style.DashArray))
        {
            return false;
        }

        _output = output;
        for (var s = 0; s < source.SubpathCount; s++)
        {
            ResetPhase(style.DashOffset);
            var start = source.SubpathStart(s);
            var length = source.SubpathLength(s);
            var segmentCount = source.IsClosed(s) ? length : length - 1;
            for (var i = 0; i < segmentCount; i++)
            {
                var next = start + ((i + 1) % length);
                DashSegment(source.Xs[start + i], source.Ys[start + i], source.Xs[next], source.Ys[next], minX, minY, maxX, maxY);
            }

            _dashOpen = false;
        }

        return true;
    }

    private bool LoadPattern(double[]? dashArray)
    {
        if (dashArray is null || dashArray.Length == 0)
        {
            return false;
        }

        // An odd-length list is repeated to yield an even one.
        _patternCount = dashArray.Length % 2 == 1 ? dashArray.Length * 2 : dashArray.Length;
        if (_pattern.Length < _patternCount)
        {
            _pattern = new double[_patternCount];
        }

        _patternLength = 0;
        for (var i = 0; i < _patternCount; i++)
        {
            var value = dashArray[i % dashArray.Length];
            if (!(value >= 0) || !double.IsFinite(value))
            {
                return false; // Negative values make the list invalid: render solid.
            }

            _pattern[i] = value;
            _patternLength += value;
        }

        return _patternLength >= MinimumPatternLength;
    }

    private void ResetPhase(double offset)
    {
        _index = 0;
        _remaining = _pattern[0];
        _dashOpen = false;
        Advance(double.IsFinite(offset) ? offset : 0);
    }

    private void DashSegment(double ax, double ay, double bx, double by, double minX, double minY, double maxX, double maxY)
    {
        double dx = bx - ax, dy = by - ay;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (!(length > 0) || !double.IsFinite(length))
        {
            return;
        }

        // Liang–Barsky: parameter range of the segment inside the margin rectangle.
        double t0 = 0, t1 = 1;
        if (!ClipParameter(-dx, ax - minX, ref t0, ref t1) || !ClipParameter(dx, maxX - ax, ref t0, ref t1) ||
            !ClipParameter(-dy, ay - minY, ref t0, ref t1) || !ClipParameter(dy, maxY - ay, ref t0, ref t1))
        {
            t0 = t1 = 1;
        }

        var visibleStart = t0 * length;
        var visibleEnd = t1 * length;
        var position = 0.0;
        if (visibleStart > 0)
        {
            _dashOpen = false;
            Advance(visibleStart);
            position = visibleStart;
        }

        while (position < visibleEnd)
        {
            var step = Math.Min(_remaining, visibleEnd - position);
            var on = _index % 2 == 0;
            if (on)
            {
                var from = position / length;
                var to = (position + step) / length;
                if (!_dashOpen)
                {
                    _output.MoveTo(ax + (dx * from), ay + (dy * from));
                    _dashOpen = true;
                }

                _output.LineTo(ax + (dx * to), ay + (dy * to));
            }

            position += step;
            _remaining -= step;
            if (_remaining <= 0)
            {
                NextInterval();
            }
        }

        if (visibleEnd < length)
        {
            _dashOpen = false;
            Advance(length - visibleEnd);
        }
    }

    private void Advance(double distance)
    {
        distance %= _patternLength;
        if (distance < 0)
        {
            distance += _patternLength;
        }

        while (distance > 0)
        {
            if (distance < _remaining)
            {
                _remaining -= distance;
                return;
            }

            distance -= _remaining;
            NextInterval();
        }
    }

    private void NextInterval()
    {
        _index = (_index + 1) % _patternCount;
        _remaining = _pattern[_index];
        _dashOpen = false;
    }

    private static bool ClipParameter(double p, double q, ref double t0, ref double t1)
    {
        if (p == 0)
        {
            return q >= 0;
        }

        var r = q / p;
        if (p < 0)
        {
            if (r > t1) { return false; }
            if (r > t0) { t0 = r; }
        }
        else
        {
            if (r < t0) { return false; }
            if (r < t1) { t1 = r; }
        }

        return true;
    }
}

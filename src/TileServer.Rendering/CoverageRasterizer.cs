using System.Runtime.Intrinsics;

namespace TileServer.Rendering;

/// <summary>
/// Exact-area anti-aliasing rasterizer using a signed-area accumulation buffer.
/// <para>
/// Every edge deposits, for each cell it crosses, the signed area between itself and the cell's right border
/// into that cell and the remainder into the next one; a running (prefix) sum along a row then yields the
/// exact winding-weighted area covered in each pixel. Because deposits are linear, two polygons sharing an
/// edge produce coverages that add up to exactly 1 on that edge.
/// </para>
/// <para>
/// Cells are a quarter pixel wide and a quarter pixel high (<see cref="SubColumns"/> × <see cref="SubRows"/>
/// exact-area cells per pixel, each fill-ruled separately). For simple polygons the result is still the exact
/// area (every cell is exact); the subdivision only bounds the error of applying a fill rule to a cell's
/// <em>average</em> winding number where edges cross inside a pixel (self-intersections, where +1 and −1 or
/// 0 and 2 regions would otherwise cancel; overlapping stroke pieces) to 1/16 of a pixel per crossing.
/// </para>
/// Coordinates of any magnitude are accepted: edges are clipped analytically to the canvas first — parts
/// above/below are dropped, parts left of it become vertical edges at x = 0 (same winding for every
/// visible pixel) and parts right of it are dropped — so work is bounded by the canvas size.
/// </summary>
internal sealed class CoverageRasterizer
{
    /// <summary>Cell rows per pixel row.</summary>
    internal const int SubRows = 4;

    /// <summary>Cell columns per pixel column.</summary>
    internal const int SubColumns = 4;

    private readonly int _width;
    private readonly int _height;
    private readonly int _pixelRowStride;
    private readonly float[] _accumulation;
    private readonly float[] _rowCoverage;
    private readonly TouchedPixels _touched;
    private int _minCol;
    private int _maxCol;
    private int _minRow;
    private int _maxRow;

    public CoverageRasterizer(int width, int height)
    {
        _width = width;
        _height = height;
    
        // Two spare cells: an edge on the right border deposits into cells that are never read.
        // Cells are stored pixel row by pixel row, and within one the SubRows cells of a cell column are
        // adjacent: a pixel's 4 × 4 cells are 16 consecutive floats (one cache line), and an edge crossing
        // a pixel row touches neighbouring memory instead of four rows a canvas width apart.
        _pixelRowStride = ((width * SubColumns) + 2) * SubRows;
        _accumulation = new float[_pixelRowStride * height];
        _rowCoverage = new float[width];
        _touched = new TouchedPixels(width + 1, height); // A deposit may land in the spare column right of the canvas.
        ResetBounds();
    }

    /// <summary>Adds every subpath of <paramref name="path"/> as a closed polygon.</summary>
    public void AddPath(VectorPath path)
    {
        var xs = path.Xs;
        var ys = path.Ys;
        for (var s = 0; s < path.SubpathCount; s++)
        {
            var start = path.SubpathStart(s);
            AddPolygon(xs.Slice(start, path.SubpathLength(s)), ys.Slice(start, path.SubpathLength(s)));
        }
    }

    /// <summary>Adds one implicitly closed polygon.</summary>
    public void AddPolygon(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        if (xs.Length < 2)
        {
            return;
        }

        for (var i = 0; i < xs.Length - 1; i++)
        {
            AddLine(xs[i], ys[i], xs[i + 1], ys[i + 1]);
        }

        AddLine(xs[^1], ys[^1], xs[0], ys[0]);
    }

    /// <summary>Adds a directed edge in device pixels; direction sets the winding sign.</summary>
    public void AddLine(double x0, double y0, double x1, double y1)
    {
        x0 *= SubColumns;
        x1 *= SubColumns;
        y0 *= SubRows;
        y1 *= SubRows;
        double right = _width * SubColumns;
        double bottom = _height * SubRows;

        // Most edges of a tile lie wholly inside it: no clipping or splitting (NaN fails every test here).
        if (x0 >= 0 && x0 <= right && x1 >= 0 && x1 <= right && y0 >= 0 && y0 <= bottom && y1 >= 0 && y1 <= bottom)
        {
            AddClippedEdge(x0, y0, x1, y1);
            return;
        }

        if (!double.IsFinite(x0) || !double.IsFinite(y0) || !double.IsFinite(x1) || !double.IsFinite(y1))
        {
            return;
        }

        if (y0 == y1 || Math.Max(y0, y1) <= 0 || Math.Min(y0, y1) >= bottom)
        {
            return;
        }

        // Clip to the strip rows [0, bottom]: horizontal parts outside contribute to no visible row.
        var slope = (x1 - x0) / (y1 - y0);
        if (y0 < 0) { x0 += (0 - y0) * slope; y0 = 0; }
        if (y1 < 0) { x1 += (0 - y1) * slope; y1 = 0; }
        if (y0 > bottom) { x0 += (bottom - y0) * slope; y0 = bottom; }
        if (y1 > bottom) { x1 += (bottom - y1) * slope; y1 = bottom; }

        // Split where the edge crosses x = 0 and x = width so every piece lies in one region.
        double tLeft = double.NaN, tRight = double.NaN;
        if ((x0 < 0) != (x1 < 0)) { tLeft = (0 - x0) / (x1 - x0); }
        if ((x0 < right) != (x1 < right)) { tRight = (right - x0) / (x1 - x0); }
        var tA = double.IsNaN(tLeft) ? tRight : double.IsNaN(tRight) ? tLeft : Math.Min(tLeft, tRight);
        var tB = double.IsNaN(tLeft) || double.IsNaN(tRight) ? double.NaN : Math.Max(tLeft, tRight);

        double prevT = 0, prevX = x0, prevY = y0;
        foreach (var t in (ReadOnlySpan<double>)[tA, tB, 1.0])
        {
            if (double.IsNaN(t))
            {
                continue;
            }

            var x = t >= 1.0 ? x1 : x0 + ((x1 - x0) * t);
            var y = t >= 1.0 ? y1 : y0 + ((y1 - y0) * t);
            var midX = x0 + ((x1 - x0) * ((prevT + t) * 0.5));
            if (midX < 0)
            {
                AddClippedEdge(0, prevY, 0, y);
            }
            else if (midX < right)
            {
                AddClippedEdge(Math.Clamp(prevX, 0, right), prevY, Math.Clamp(x, 0, right), y);
            }
            else if (prevY != y)
            {
                _maxCol = (int)right; // Dropped on the right: the winding of its partner edges runs to the row end.
            }

            prevT = t;
            prevX = x;
            prevY = y;
        }
    }

    /// <summary>Converts the accumulated edges to coverage rows, feeds them to the sink and clears the buffer.</summary>
    /// <remarks>
    /// Only pixels flagged in <see cref="_touched"/> hold deposits. Between two flagged pixels the winding of
    /// each strip is constant, so the coverage is too: such spans are filled at once instead of summing 16
    /// cells per pixel. A polygon interior or the inside of a stroke's bounding box then costs a Span.Fill,
    /// and the sweep scales with the outline's length rather than the polygon's area.
    /// </remarks>
    public void Sweep<TSink>(FillRule rule, ref TSink sink)
        where TSink : struct, ICoverageSink
    {
        if (_minRow > _maxRow)
        {
            return;
        }

        var firstPixelRow = _minRow / SubRows;
        var lastPixelRow = _maxRow / SubRows;
        var firstPixel = _minCol / SubColumns;
        var lastPixel = Math.Min(_maxCol / SubColumns, _width - 1);
        if (lastPixel < firstPixel)
        {
            ClearTouchedCells();
            return;
        }

        var coverage = _rowCoverage.AsSpan(firstPixel, lastPixel - firstPixel + 1);
        for (var py = firstPixelRow; py <= lastPixelRow; py++)
        {
            var winding = Vector128<float>.Zero;
            var x = firstPixel;
            while (x <= lastPixel)
            {
                var next = Math.Min(_touched.Next(py, x), lastPixel + 1);
                if (next > x)
                {
                    // No deposits in [x, next): every cell of a strip has that strip's running winding.
                    coverage.Slice(x - firstPixel, next - x).Fill(Vector128.Sum(ApplyRule(winding, rule)) * (1f / SubRows));
                    x = next;
                    continue;
                }

                coverage[x - firstPixel] = SweepPixel(py, x, ref winding, rule);
                x++;
            }

            _touched.ClearRows(py, py);
            sink.BlendRow(py, firstPixel, coverage);
        }

        ResetBounds();
    }

    /// <summary>Coverage of one pixel with deposits: its 4 × 4 cells, fill-ruled one by one; clears them.
    /// The four sub-rows run side by side in one vector: each cell column adds its deposits to the four
    /// running windings.</summary>
    private float SweepPixel(int pixelRow, int pixelColumn, ref Vector128<float> winding, FillRule rule)
    {
        const float cellWeight = 1f / (SubRows * SubColumns);
        var cells = _accumulation.AsSpan((pixelRow * _pixelRowStride) + (pixelColumn * SubColumns * SubRows), SubColumns * SubRows);
        var w = winding;
        var sum = Vector128<float>.Zero;
        for (var k = 0; k < SubColumns; k++)
        {
            w += Vector128.Create<float>(cells.Slice(k * SubRows, SubRows));
            sum += ApplyRule(w, rule);
        }

        cells.Clear();
        winding = w;
        return Vector128.Sum(sum) * cellWeight;
    }

    /// <summary>Fill rule on (possibly fractional) cell-averaged winding numbers, four sub-rows at once.</summary>
    private static Vector128<float> ApplyRule(Vector128<float> winding, FillRule rule)
    {
        var magnitude = Vector128.Abs(winding);
        if (rule == FillRule.NonZero)
        {
            return Vector128.Min(magnitude, Vector128<float>.One);
        }

        // Even-odd folds the winding into a triangle wave: 0 → 0, 1 → 1, 2 → 0, ...
        var folded = magnitude - (Vector128.Create(2f) * Vector128.Floor(magnitude * 0.5f));
        return Vector128.Min(folded, Vector128.Create(2f) - folded);
    }

    /// <summary>Rasterizes an edge already inside [0, width·SubColumns] × [0, height·SubRows] (cell units).</summary>
    private void AddClippedEdge(double x0, double y0, double x1, double y1)
    {
        if (y0 == y1)
        {
            return;
        }

        var direction = 1.0;
        if (y0 > y1)
        {
            (x0, y0, x1, y1) = (x1, y1, x0, y0);
            direction = -1.0;
        }

        var slope = (x1 - x0) / (y1 - y0);
        var firstRow = (int)y0;
        var lastRow = Math.Min((int)Math.Ceiling(y1) - 1, (_height * SubRows) - 1);
        var right = (double)(_width * SubColumns);
        _minRow = Math.Min(_minRow, firstRow);
        _maxRow = Math.Max(_maxRow, lastRow);
        for (var row = firstRow; row <= lastRow; row++)
        {
            var top = Math.Max(y0, row);
            var bottom = Math.Min(y1, row + 1.0);
            var xTop = Math.Clamp(x0 + ((top - y0) * slope), 0, right);
            var xBottom = Math.Clamp(x0 + ((bottom - y0) * slope), 0, right);
            DepositRow(row, xTop, xBottom, (bottom - top) * direction);
        }
    }

    /// <summary>
    /// Deposits an edge piece crossing one strip from xa to xb with signed height h. Within a cell c the
    /// area of that cell right of the piece is h·(1 − f), f = mean x − c; the rest (h·f) goes to cell c + 1
    /// so that the prefix sum reaches the full h in every cell further right.
    /// </summary>
    private void DepositRow(int row, double xa, double xb, double height)
    {
        if (xa > xb)
        {
            (xa, xb) = (xb, xa);
        }

        // Cell (row, col) is at origin + col · SubRows, origin = the pixel row's start + the sub-row.
        var pixelRow = (int)((uint)row / SubRows);
        var origin = (pixelRow * _pixelRowStride) + (int)((uint)row % SubRows);
        var col = (int)xa;
        _minCol = Math.Min(_minCol, col);
        if (xb <= col + 1)
        {
            // The common case at tile scale: the piece stays within one cell.
            var f = ((xa + xb) * 0.5) - col;
            var at = origin + (col * SubRows);
            _accumulation[at] += (float)(height * (1 - f));
            _accumulation[at + SubRows] += (float)(height * f);
            _maxCol = Math.Max(_maxCol, col + 1);
            var pixel = (int)((uint)col / SubColumns);
            _touched.Flag(pixelRow, pixel);
            if ((col + 1) % SubColumns == 0)
            {
                _touched.Flag(pixelRow, pixel + 1);
            }

            return;
        }

        var cells = _accumulation.AsSpan(origin);

        var firstCol = col;

        var heightPerX = height / (xb - xa);
        var x = xa;
        while (x < xb)
        {
            var next = Math.Min(col + 1.0, xb);
            var share = heightPerX * (next - x);
            var f = ((x + next) * 0.5) - col;
            cells[col * SubRows] += (float)(share * (1 - f));
            cells[(col + 1) * SubRows] += (float)(share * f);
            x = next;
            col++;
        }

        _maxCol = Math.Max(_maxCol, col);
        _touched.FlagRange(pixelRow, firstCol / SubColumns, col / SubColumns);
    }

    private void ClearTouchedCells()
    {
        for (var pixelRow = _minCol <= _maxCol ? _minRow / SubRows : int.MaxValue; pixelRow <= _maxRow / SubRows; pixelRow++)
        {
            _accumulation.AsSpan((pixelRow * _pixelRowStride) + (_minCol * SubRows), (_maxCol - _minCol + 1) * SubRows).Clear();
        }

        if (_minRow <= _maxRow)
        {
            _touched.ClearRows(_minRow / SubRows, _maxRow / SubRows);
        }

        ResetBounds();
    }

    private void ResetBounds()
    {
        _minCol = int.MaxValue;
        _maxCol = -1;
        _minRow = int.MaxValue;
        _maxRow = -1;
    }
}

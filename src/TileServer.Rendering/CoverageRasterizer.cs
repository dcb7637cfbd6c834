using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
/// Coordinates of any magnitude are accepted: edges are clipped analytically to the canvas first
/// (<see cref="CanvasEdgeClipper"/>), so work is bounded by the canvas size.
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
    
        // Four spare cells: an edge on the right border deposits into cells that are never read, and a strip
        // of a steep edge adds ±0 up to three cells right of its piece's left end (see AddClippedEdge).
        // Cells are stored pixel row by pixel row, and within one the SubRows cells of a cell column are
        // adjacent: a pixel's 4 × 4 cells are 16 consecutive floats (one cache line), and an edge crossing
        // a pixel row touches neighbouring memory instead of four rows a canvas width apart.
        _pixelRowStride = ((width * SubColumns) + 4) * SubRows;
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
    /// <remarks>Each point is scaled to cell units and tested against the canvas once, not once per edge end.</remarks>
    public void AddPolygon(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        if (xs.Length < 2)
        {
            return;
        }

        double right = _width * SubColumns;
        double bottom = _height * SubRows;
        var firstX = xs[0] * SubColumns;
        var firstY = ys[0] * SubRows;
        var firstInside = IsOnCanvas(firstX, firstY, right, bottom);
        double previousX = firstX, previousY = firstY;
        var previousInside = firstInside;
        for (var i = 1; i < xs.Length; i++)
        {
            var x = xs[i] * SubColumns;
            var y = ys[i] * SubRows;
            var inside = IsOnCanvas(x, y, right, bottom);
            AddScaledEdge(previousX, previousY, x, y, previousInside & inside);
            (previousX, previousY, previousInside) = (x, y, inside);
        }

        AddScaledEdge(previousX, previousY, firstX, firstY, previousInside & firstInside);
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
        AddScaledEdge(x0, y0, x1, y1, IsOnCanvas(x0, y0, right, bottom) & IsOnCanvas(x1, y1, right, bottom));
    }

    /// <summary>NaN fails every comparison here, so it is never on the canvas.</summary>
    private static bool IsOnCanvas(double x, double y, double right, double bottom) =>
        (x >= 0) & (x <= right) & (y >= 0) & (y <= bottom);

    /// <summary>Adds an edge in cell units; most edges of a tile lie wholly on it and need no clipping.</summary>
    private void AddScaledEdge(double x0, double y0, double x1, double y1, bool onCanvas)
    {
        if (onCanvas)
        {
            AddClippedEdge(x0, y0, x1, y1);
        }
        else
        {
            AddEdgeToClip(x0, y0, x1, y1);
        }
    }

    /// <summary>Clips an edge (cell units) reaching beyond the canvas and adds its pieces; kept out of the common
    /// path, whose frame then has no stack buffer to clear per edge.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddEdgeToClip(double x0, double y0, double x1, double y1)
    {
        double right = _width * SubColumns;
        double bottom = _height * SubRows;
        Span<double> pieces = stackalloc double[12];
        var count = CanvasEdgeClipper.Clip(x0, y0, x1, y1, right, bottom, pieces, out var droppedRight);
        for (var i = 0; i < count * 4; i += 4)
        {
            AddClippedEdge(pieces[i], pieces[i + 1], pieces[i + 2], pieces[i + 3]);
        }

        if (droppedRight)
        {
            _maxCol = (int)right; // Dropped on the right: the winding of its partner edges runs to the row end.
        }
    }

    /// <summary>Converts the accumulated edges to coverage rows, feeds them to the sink and clears the buffer.</summary>
    /// <remarks>Row by row (<see cref="PixelRowSweep"/>): a polygon interior or the inside of a stroke's bounding box
    /// costs a Span.Fill, and the sweep scales with the outline's length rather than the polygon's area.</remarks>
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
            // The sink gets the row from its first to its last covered pixel: the empty ends of a polygon's
            // bounding box (its corners, the outside of a stroke) are not blended pixel by pixel.
            var (covered, coveredEnd) = PixelRowSweep.Sweep(_accumulation.AsSpan(py * _pixelRowStride, _pixelRowStride), _touched, py, firstPixel, coverage, rule);
            _touched.ClearRows(py, py);
            if (coveredEnd > covered)
            {
                sink.BlendRow(py, firstPixel + covered, coverage[covered..coveredEnd]);
            }
        }

        ResetBounds();
    }

    /// <summary>Rasterizes an edge already inside [0, width·SubColumns] × [0, height·SubRows] (cell units).</summary>
    /// <remarks>
    /// Each strip's bottom x is the next strip's top x. A strip's piece of an edge
    /// up to two cells wide per strip is deposited without branching on the cells it reaches (flatter edges:
    /// <see cref="FlatEdges"/>). Indices are in range by construction (x ∈ [0, width·SubColumns], plus the four spare cells of every row), so the cells are
    /// addressed without bounds checks.
    /// </remarks>
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

        // The conversions to int skip saturation and Min/Max skip NaN handling: the values are within the canvas.
        var slope = (x1 - x0) / (y1 - y0);
        var heightPerX = (direction * (y1 - y0)) / double.MaxNative(Math.Abs(x1 - x0), 1e-300); // Finite when vertical.
        var firstRow = double.ConvertToIntegerNative<int>(y0);
        var lastRow = Math.Min(double.ConvertToIntegerNative<int>(Math.Ceiling(y1)) - 1, (_height * SubRows) - 1);
        if (lastRow < firstRow)
        {
            return;
        }

        _minRow = Math.Min(_minRow, firstRow);
        _maxRow = Math.Max(_maxRow, lastRow);
        _minCol = Math.Min(_minCol, double.ConvertToIntegerNative<int>(double.MinNative(x0, x1)));
        _maxCol = Math.Max(_maxCol, double.ConvertToIntegerNative<int>(double.MaxNative(x0, x1)) + 1);

        // A steep edge (at most one cell of x per strip) crosses at most one cell border per strip, an edge of
        // up to two cells per strip at most two: their strips deposit into three or four cells without a branch
        // (cells past the piece receive ±0), because which cells a short piece reaches is what the branch
        // predictor cannot guess. Flatter edges go piece by piece, in a method of their own: this loop then
        // has no call, around which the JIT would spill and reload the edge's state.
        if (!(Math.Abs(slope) <= 2))
        {
            FlatEdges.Deposit(ref MemoryMarshal.GetArrayDataReference(_accumulation), _pixelRowStride, _touched, x0, y0, x1, y1, slope, direction, firstRow, lastRow);
            return;
        }

        // One loop over the edge's strips, without an inner loop per pixel row whose exit the branch predictor misses
        // on the short edges of a dense tile. Each strip flags the (at most two) pixels its cells lie in.
        var reach = Math.Abs(slope) <= 1 ? 2 : 3; // Cells col … col + reach may receive area.
        ref var cells = ref MemoryMarshal.GetArrayDataReference(_accumulation);
        var xTop = x0;
        for (var row = firstRow; row <= lastRow; row++)
        {
            var (xBottom, height, xa, xb) = CellArithmetic.StripPiece(x0, y0, x1, y1, slope, direction, xTop, row);
            var col = double.ConvertToIntegerNative<int>(xa);
            var pixelRow = (int)((uint)row / SubRows); // Unsigned: a shift, without the rounding fix-up for negatives.
            ref var first = ref Unsafe.Add(ref cells, (pixelRow * _pixelRowStride) + (int)((uint)row % SubRows) + (col * SubRows));
            if (reach == 2)
            {
                CellArithmetic.DepositAcrossOneBorder(ref first, col, xa, xb, height, heightPerX);
            }
            else
            {
                CellArithmetic.DepositAcrossTwoBorders(ref first, col, xa, xb, height, heightPerX);
            }

            _touched.FlagPair(pixelRow, (int)((uint)col / SubColumns), (int)((uint)(col + reach) / SubColumns));
            xTop = xBottom;
        }
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

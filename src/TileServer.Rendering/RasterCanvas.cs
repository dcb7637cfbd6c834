using System.Runtime.InteropServices;

namespace TileServer.Rendering;

/// <summary>
/// A reusable premultiplied RGBA8888 raster (rows top-down, R,G,B,A byte order) with anti-aliased fills,
/// strokes and hatches composited source-over. One canvas per thread; reuse it via <see cref="Clear"/> —
/// all scratch buffers are kept, so steady-state drawing allocates nothing.
/// </summary>
public sealed class RasterCanvas
{
    private readonly byte[] _pixels;
    private readonly CoverageRasterizer _rasterizer;
    private readonly Stroker _stroker = new();
    private readonly Dasher _dasher = new();
    private readonly HatchClipper _hatchClipper = new();
    private readonly CentreLineSimplifier _simplifier = new();
    private readonly VectorPath _centreLine = new();
    private readonly VectorPath _outline = new();
    private readonly VectorPath _dashes = new();
    private LayerAccumulator? _layer;
    private bool _layerOpen;

    /// <summary>Creates a transparent canvas.</summary>
    public RasterCanvas(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)width * height, 1L << 26, nameof(width));
        Width = width;
        Height = height;
        _pixels = new byte[width * height * 4];
        _rasterizer = new CoverageRasterizer(width, height);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Premultiplied RGBA bytes, row-major, no padding.</summary>
    public ReadOnlySpan<byte> Pixels => _pixels;

    /// <summary>True while <see cref="BeginLayer"/> is collecting draws.</summary>
    public bool IsLayerOpen => _layerOpen;

    /// <summary>Premultiplied value of one pixel.</summary>
    public Rgba GetPremultipliedPixel(int x, int y)
    {
        var i = ((y * Width) + x) * 4;
        return new Rgba(_pixels[i], _pixels[i + 1], _pixels[i + 2], _pixels[i + 3]);
    }

    /// <summary>Sets every pixel to <paramref name="color"/> (given straight, stored premultiplied).</summary>
    public void Clear(Rgba color)
    {
        var a = color.A;
        var packed = PixelPacking.Pack(Premultiply(color.R, a), Premultiply(color.G, a), Premultiply(color.B, a), a);
        MemoryMarshal.Cast<byte, uint>(_pixels.AsSpan()).Fill(packed);
    }

    /// <summary>Fills all subpaths of <paramref name="path"/> (each implicitly closed).</summary>
    public void FillPath(VectorPath path, Paint paint, FillRule rule = FillRule.NonZero)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (SubPixelPolygon.TryCoverage(path, Width, Height, out var x, out var y, out var coverage))
        {
            ReadOnlySpan<float> single = [coverage];
            if (_layerOpen)
            {
                new LayerSink(_layer!, paint).BlendRow(y, x, single);
            }
            else
            {
                new SourceOverSink(_pixels, Width, paint).BlendRow(y, x, single);
            }

            return;
        }

        _rasterizer.AddPath(path);
        Composite(rule, paint);
    }

    /// <summary>Strokes <paramref name="path"/>: the stroke outline is generated and filled non-zero.</summary>
    /// <remarks>The centre line is simplified within <see cref="CentreLineSimplifier.Tolerance"/> px before it is outlined.</remarks>
    public void StrokePath(VectorPath path, StrokeStyle style, Paint paint)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(style);
        var source = path;

        // Stroke parts outside this margin cannot reach the canvas: caps extend ≤ w/2·√2, miters ≤ w/2·limit.
        var margin = (style.Width / 2 * Math.Max(style.MiterLimit, 1.5)) + 2;
        if (style.DashArray is { Length: > 0 })
        {
            _dashes.Reset();
            if (_dasher.Dash(source, style, -margin, -margin, Width + margin, Height + margin, _dashes))
            {
                source = _dashes;
            }
        }
        else if (StrokeCuller.Cull(source, -margin, -margin, Width + margin, Height + margin, _dashes))
        {
            source = _dashes;
        }

        // After culling and dashing, which leave out what cannot reach the canvas: a 4,000-vertex red line around a
        // tile is not simplified for the few of its segments the tile shows.
        if (_simplifier.Simplify(source, _centreLine))
        {
            source = _centreLine;
        }

        _outline.Reset();
        _stroker.Stroke(source, style, _outline);
        _rasterizer.AddPath(_outline);
        Composite(FillRule.NonZero, paint);
    }

    /// <summary>Draws hatch lines clipped exactly to the interior of <paramref name="path"/> under <paramref name="rule"/>.</summary>
    public void FillHatch(VectorPath path, HatchStyle hatch, FillRule rule = FillRule.NonZero)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(hatch);
        _hatchClipper.AddHatch(path, hatch, Width, Height, _rasterizer);
        Composite(rule, hatch.Paint);
    }

    /// <summary>
    /// Starts a seam-free layer: until <see cref="EndLayer"/>, draws are accumulated by area instead of
    /// composited one by one, so polygons that share edges exactly (a parcel mosaic) leave no background
    /// showing through those edges. Overlapping draws inside a layer are averaged rather than stacked.
    /// </summary>
    public void BeginLayer()
    {
        if (_layerOpen)
        {
            throw new InvalidOperationException("A layer is already open; layers do not nest.");
        }

        _layer ??= new LayerAccumulator(Width, Height);
        _layerOpen = true;
    }

    /// <summary>Composites the open layer onto the canvas (source-over, once per pixel).</summary>
    public void EndLayer()
    {
        if (!_layerOpen)
        {
            throw new InvalidOperationException("No layer is open.");
        }

        _layer!.CompositeOnto(_pixels);
        _layerOpen = false;
    }

    private void Composite(FillRule rule, Paint paint)
    {
        if (_layerOpen)
        {
            var sink = new LayerSink(_layer!, paint);
            _rasterizer.Sweep(rule, ref sink);
        }
        else
        {
            var sink = new SourceOverSink(_pixels, Width, paint);
            _rasterizer.Sweep(rule, ref sink);
        }
    }

    private static byte Premultiply(byte channel, byte alpha) => (byte)(((channel * alpha) + 127) / 255);
}

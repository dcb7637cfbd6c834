namespace TileServer.Rendering.Tests;

/// <summary>A realistic 256×256 planning tile: a parcel mosaic layer, hatched zones, dashed boundaries and roads.</summary>
internal sealed class SampleTile
{
    private static readonly Rgba[] LandUseColours =
    [
        Rgba.Parse("#FFFF2D"), Rgba.Parse("#FF8000"), Rgba.Parse("#00A57C"), Rgba.Parse("#E6D6AA"),
        Rgba.Parse("#B4E6A0"), Rgba.Parse("#FF9F7F"), Rgba.Parse("#9AC8DC"), Rgba.Parse("#D2A0C8"),
    ];

    private readonly VectorPath _path = new();
    private readonly double[] _xs = new double[11 * 11];
    private readonly double[] _ys = new double[11 * 11];
    private readonly double[] _ring = new double[8];
    private readonly StrokeStyle _road = new() { Width = 6, Join = LineJoin.Round, Cap = LineCap.Round };
    private readonly StrokeStyle _boundary = new() { Width = 1.5, DashArray = [6, 3, 1.5, 3] };
    private readonly HatchStyle _hatch = new() { Paint = new Paint(Rgba.Parse("#C00000"), 0.7f), Spacing = 7, LineWidth = 1.2, AngleDegrees = 45 };

    public SampleTile()
    {
        var random = new Random(7);
        const int n = 10;
        var step = 296.0 / n;
        for (var j = 0; j <= n; j++)
        {
            for (var i = 0; i <= n; i++)
            {
                _xs[(j * 11) + i] = -20 + (i * step) + ((random.NextDouble() - 0.5) * step * 0.5);
                _ys[(j * 11) + i] = -20 + (j * step) + ((random.NextDouble() - 0.5) * step * 0.5);
            }
        }
    }

    public void Render(RasterCanvas canvas)
    {
        canvas.Clear(Rgba.Transparent);
        canvas.BeginLayer();
        for (var j = 0; j < 10; j++)
        {
            for (var i = 0; i < 10; i++)
            {
                LoadParcel(i, j);
                canvas.FillPath(_path, new Paint(LandUseColours[((i * 3) + (j * 5)) % LandUseColours.Length]));
            }
        }

        canvas.EndLayer();
        for (var j = 0; j < 10; j += 3)
        {
            LoadParcel(j, 9 - j);
            canvas.FillHatch(_path, _hatch);
            canvas.StrokePath(_path, _boundary, new Paint(Rgba.Parse("#5A5A5A")));
        }

        _path.Reset();
        _path.MoveTo(-10, 40.5);
        _path.LineTo(120.3, 70.2);
        _path.LineTo(180.7, 20.4);
        _path.LineTo(270, 200.6);
        _path.MoveTo(30.2, 270);
        _path.LineTo(90.6, 150.1);
        _path.LineTo(200.4, 240.8);
        canvas.StrokePath(_path, _road, new Paint(Rgba.Parse("#FFFFFF")));
    }

    private void LoadParcel(int i, int j)
    {
        int a = (j * 11) + i, b = a + 1, c = a + 12, d = a + 11;
        _ring[0] = _xs[a]; _ring[1] = _ys[a];
        _ring[2] = _xs[b]; _ring[3] = _ys[b];
        _ring[4] = _xs[c]; _ring[5] = _ys[c];
        _ring[6] = _xs[d]; _ring[7] = _ys[d];
        _path.Reset();
        _path.AddRing(_ring);
    }
}

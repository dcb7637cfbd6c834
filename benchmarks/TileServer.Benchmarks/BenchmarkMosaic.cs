namespace TileServer.Benchmarks;

using TileServer.Rendering;

/// <summary>A 256 × 256 mosaic of 64 skewed parcels in 8 landuse and control-line colours: anti-aliased edges
/// between neighbours give the encoder the many blended colours of a real map tile.</summary>
internal static class BenchmarkMosaic
{
    public static void Draw(RasterCanvas canvas)
    {
        string[] colours = ["#FFFF64", "#A5FF73", "#38A800", "#FF0000", "#CD6666", "#73B2FF", "#E6E600", "#B4D79E"];
        var cell = new VectorPath();
        for (int i = 0; i < 64; i++)
        {
            cell.Reset();
            double x = (i % 8) * 32, y = (i / 8) * 32;
            cell.AddRing([x, y, x + 32, y + 3, x + 30, y + 32, x - 1, y + 30, x, y]);
            canvas.FillPath(cell, new Paint(Rgba.Parse(colours[(i * 5) % colours.Length])), FillRule.EvenOdd);
        }
    }
}

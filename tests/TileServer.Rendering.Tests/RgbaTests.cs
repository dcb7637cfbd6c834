namespace TileServer.Rendering.Tests;

public sealed class RgbaTests
{
    [Theory]
    [InlineData("#FF8000", 255, 128, 0, 255)]
    [InlineData("#00a57c80", 0, 165, 124, 128)]
    [InlineData(" #000000 ", 0, 0, 0, 255)]
    public void Parses_hex_forms(string text, int r, int g, int b, int a) =>
        Assert.Equal(new Rgba((byte)r, (byte)g, (byte)b, (byte)a), Rgba.Parse(text));

    [Theory]
    [InlineData("FF8000")]
    [InlineData("#FF800")]
    [InlineData("#GG8000")]
    [InlineData("#FF8000801")]
    public void Rejects_malformed_colours(string text)
    {
        Assert.False(Rgba.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Rgba.Parse(text));
    }

    [Fact]
    public void Clear_premultiplies_and_opacity_scales_alpha()
    {
        var canvas = new RasterCanvas(4, 4);
        canvas.Clear(Rgba.Parse("#FF000080"));
        Assert.Equal(new Rgba(128, 0, 0, 128), canvas.GetPremultipliedPixel(1, 1));

        canvas.Clear(Rgba.Transparent);
        var path = new VectorPath();
        path.AddRectangle(-1, -1, 10, 10);
        canvas.FillPath(path, new Paint(Rgba.Parse("#0000FF"), 0.5f));
        Assert.Equal(new Rgba(0, 0, 128, 128), canvas.GetPremultipliedPixel(2, 3));
    }

    [Fact]
    public void Nan_and_infinite_coordinates_are_ignored_without_hanging()
    {
        var canvas = new RasterCanvas(8, 8);
        var path = new VectorPath();
        path.AddRing([double.NaN, 0, 4, double.PositiveInfinity, 1e300, -1e300, 2, 2]);
        canvas.FillPath(path, new Paint(new Rgba(255, 0, 0)));
        canvas.StrokePath(path, new StrokeStyle { Width = 3, DashArray = [1, 1] }, new Paint(new Rgba(255, 0, 0)));
        Assert.True(canvas.Pixels.Length == 256);
    }
}

using TileServer.Rendering.Tests.Oracle;

namespace TileServer.Rendering.Tests;

public sealed class SeamTests
{
    private static readonly Rgba Green = new(0, 255, 0);

    [Fact]
    public void Two_squares_sharing_a_fractional_edge_leave_no_seam_in_a_layer()
    {
        var canvas = new RasterCanvas(32, 16);
        canvas.BeginLayer();
        canvas.FillPath(Square(2, 2, 13.37, 14), new Paint(new Rgba(255, 0, 0)));
        canvas.FillPath(Square(13.37, 2, 30, 14), new Paint(new Rgba(0, 0, 255)));
        canvas.EndLayer();

        for (var y = 2; y < 14; y++)
        {
            for (var x = 2; x < 30; x++)
            {
                Assert.Equal(255, canvas.GetPremultipliedPixel(x, y).A);
            }
        }

        // The shared-edge pixel is the area-weighted mix: 0.37 red, 0.63 blue.
        var edge = canvas.GetPremultipliedPixel(13, 5);
        Assert.InRange(edge.R, 93, 96);
        Assert.InRange(edge.B, 159, 162);
    }

    [Fact]
    public void Without_a_layer_source_over_shows_the_conflation_seam()
    {
        // Negative control: proves the seam assertions above can fail.
        var canvas = new RasterCanvas(32, 16);
        canvas.FillPath(Square(2, 2, 13.37, 14), new Paint(new Rgba(255, 0, 0)));
        canvas.FillPath(Square(13.37, 2, 30, 14), new Paint(new Rgba(0, 0, 255)));
        Assert.True(canvas.GetPremultipliedPixel(13, 5).A < 255);
    }

    [Fact]
    public void Jittered_parcel_mosaic_covers_every_pixel_opaquely_and_hides_the_background()
    {
        const int size = 96;
        var random = new Random(20240611);
        const int cells = 9;
        var step = (size + 40) / (double)cells;
        var xs = new double[cells + 1, cells + 1];
        var ys = new double[cells + 1, cells + 1];
        for (var j = 0; j <= cells; j++)
        {
            for (var i = 0; i <= cells; i++)
            {
                // Shared vertices, stored once, so neighbouring parcels share edges exactly.
                xs[i, j] = -20 + (i * step) + ((random.NextDouble() - 0.5) * step * 0.6);
                ys[i, j] = -20 + (j * step) + ((random.NextDouble() - 0.5) * step * 0.6);
            }
        }

        foreach (var background in new[] { Rgba.Transparent, Green })
        {
            var canvas = new RasterCanvas(size, size);
            canvas.Clear(background);
            canvas.BeginLayer();
            var path = new VectorPath();
            for (var j = 0; j < cells; j++)
            {
                for (var i = 0; i < cells; i++)
                {
                    var colour = new Paint(new Rgba((byte)random.Next(256), 0, (byte)random.Next(256)));
                    if ((i + j) % 3 == 0)
                    {
                        // Split some parcels into two triangles along a diagonal.
                        path.Reset();
                        path.AddRing([xs[i, j], ys[i, j], xs[i + 1, j], ys[i + 1, j], xs[i + 1, j + 1], ys[i + 1, j + 1]]);
                        canvas.FillPath(path, colour);
                        path.Reset();
                        path.AddRing([xs[i, j], ys[i, j], xs[i + 1, j + 1], ys[i + 1, j + 1], xs[i, j + 1], ys[i, j + 1]]);
                        canvas.FillPath(path, new Paint(new Rgba(0, 0, (byte)random.Next(256))));
                    }
                    else
                    {
                        path.Reset();
                        path.AddRing([xs[i, j], ys[i, j], xs[i + 1, j], ys[i + 1, j], xs[i + 1, j + 1], ys[i + 1, j + 1], xs[i, j + 1], ys[i, j + 1]]);
                        canvas.FillPath(path, colour);
                    }
                }
            }

            canvas.EndLayer();
            var pixels = canvas.Pixels;
            for (var p = 0; p < pixels.Length; p += 4)
            {
                Assert.Equal(255, pixels[p + 3]);
                Assert.Equal(0, pixels[p + 1]); // The green background never shows through.
            }
        }
    }

    private static VectorPath Square(double x0, double y0, double x1, double y1) =>
        Geometry.ToPath([[(x0, y0), (x1, y0), (x1, y1), (x0, y1)]]);
}

namespace TileServer.Tests.Http;

using TileServer.Tests.Shared;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TileServer.Core.Tiling;
using TileServer.Mvt;
using TileServer.Styling;
using TileServer.Tests.Support;

public sealed class RasterTileEndpointTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private static readonly TileCoordinate SeatTile = WebMercator.TileAt(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 14);

    private static string TileUrl(string layers, TileCoordinate t, string format) => $"/tiles/{layers}/{t.Zoom}/{t.Column}/{t.Row}.{format}";

    [Fact]
    public async Task Landuse_png_over_the_county_seat_is_a_256_pixel_png_that_is_not_uniform()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(TileUrl("ghyd", SeatTile, "png"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        byte[] png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        var pixels = PngPixels.Decode(png);
        Assert.Equal((256, 256), (pixels.Width, pixels.Height));
        Assert.True(pixels.Rgba.Chunk(4).Select(p => BitConverter.ToInt32(p)).Distinct().Count() > 2, "the tile is uniform");
    }

    [Fact]
    public async Task Pixels_inside_parcels_have_the_style_colour_of_their_class()
    {
        using var client = server.CreateClient();
        var vector = MvtReader.Read(await client.GetByteArrayAsync(TileUrl("ghyd", SeatTile, "mvt")));
        var pixels = PngPixels.Decode(await client.GetByteArrayAsync(TileUrl("ghyd", SeatTile, "png")));
        var painter = new StylePainter(StyleRegistry.LoadDirectory(Path.Combine(RepositoryRoot.Path, "styles")).Get("landuse"));

        int checkedParcels = 0;
        foreach (var feature in Assert.Single(vector.Layers).Features)
        {
            if (InteriorPixel(feature) is not { } pixel)
            {
                continue;
            }

            string code = (string)feature.Attributes["ydyhfldm"];
            var fill = painter.Resolve("ghyd", new Dictionary<string, string?> { ["ydyhfldm"] = code }, SeatTile.Zoom)!.Fill!.Value;
            Assert.Equal((fill.Color.R, fill.Color.G, fill.Color.B, (byte)255), pixels.At(pixel.X, pixel.Y));
            if (++checkedParcels == 40)
            {
                break;
            }
        }

        Assert.True(checkedParcels >= 10, $"only {checkedParcels} parcels have an interior pixel");
    }

    [Fact]
    public async Task Repeat_request_is_a_cache_hit_with_a_strong_etag_304_and_no_gzip()
    {
        using var client = server.CreateClient();
        string url = TileUrl("ghyd,xzq", SeatTile, "png");
        using var first = await client.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("MISS", first.Headers.GetValues("X-Cache").Single());
        Assert.Equal("HIT", second.Headers.GetValues("X-Cache").Single());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Empty(second.Content.Headers.ContentEncoding);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Contains("max-age=", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Tile_without_features_is_204()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/tiles/xzq/12/2048/2048.png");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Theory]
    [InlineData("/tiles/xzq/abc/1/1.png", "z")]
    [InlineData("/tiles/xzq/31/1/1.png", "z")]
    [InlineData("/tiles/xzq/3/8/1.png", "x")]
    [InlineData("/tiles/xzq/3/1/8.png", "y")]
    [InlineData("/tiles/xzq,xzq/3/1/1.png", "layers")]
    public async Task Bad_tile_parameters_give_400_naming_the_parameter(string url, string parameter)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, json.RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Unknown_layer_gives_404()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/tiles/nosuch/3/1/1.png");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>A pixel whose centre lies inside the feature and at least 1.5 px from every edge, so
    /// anti-aliasing and the vector tile's simplification cannot change its colour; null if none.</summary>
    private static (int X, int Y)? InteriorPixel(MvtFeature feature)
    {
        const double UnitsPerPixel = 4096 / 256.0;
        int minX = 256, minY = 256, maxX = -1, maxY = -1;
        foreach (var ring in feature.Parts)
        {
            foreach (var p in ring)
            {
                minX = Math.Min(minX, (int)(p.X / UnitsPerPixel));
                minY = Math.Min(minY, (int)(p.Y / UnitsPerPixel));
                maxX = Math.Max(maxX, (int)(p.X / UnitsPerPixel));
                maxY = Math.Max(maxY, (int)(p.Y / UnitsPerPixel));
            }
        }

        for (int y = Math.Max(minY, 2); y <= Math.Min(maxY, 253); y++)
        {
            for (int x = Math.Max(minX, 2); x <= Math.Min(maxX, 253); x++)
            {
                double px = (x + 0.5) * UnitsPerPixel, py = (y + 0.5) * UnitsPerPixel;
                bool inside = false;
                double nearest = double.MaxValue;
                foreach (var ring in feature.Parts)
                {
                    for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
                    {
                        var (a, b) = (ring[j], ring[i]);
                        if ((a.Y > py) != (b.Y > py) && px < a.X + ((py - a.Y) * (b.X - a.X) / (b.Y - a.Y)))
                        {
                            inside = !inside;
                        }

                        nearest = Math.Min(nearest, SegmentDistance(px, py, a, b));
                    }
                }

                if (inside && nearest >= 1.5 * UnitsPerPixel)
                {
                    return (x, y);
                }
            }
        }

        return null;
    }

    private static double SegmentDistance(double px, double py, MvtPoint a, MvtPoint b)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y;
        double length = (dx * dx) + (dy * dy);
        double t = length == 0 ? 0 : Math.Clamp((((px - a.X) * dx) + ((py - a.Y) * dy)) / length, 0, 1);
        double ex = a.X + (t * dx) - px, ey = a.Y + (t * dy) - py;
        return Math.Sqrt((ex * ex) + (ey * ey));
    }
}

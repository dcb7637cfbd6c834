using TileServer.Rendering;

namespace TileServer.Rendering.Tests.Oracle;

/// <summary>
/// Slow, obviously correct reference: 16×16 point samples per pixel, an arbitrary inside-predicate per
/// sample, and the same premultiplied source-over formula as the production sink.
/// </summary>
internal sealed class ReferenceRenderer
{
    private const int SamplesPerAxis = 16;

    public ReferenceRenderer(int width, int height)
    {
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 4];
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public void Clear(Rgba colour)
    {
        for (var i = 0; i < Pixels.Length; i += 4)
        {
            Pixels[i] = (byte)(((colour.R * colour.A) + 127) / 255);
            Pixels[i + 1] = (byte)(((colour.G * colour.A) + 127) / 255);
            Pixels[i + 2] = (byte)(((colour.B * colour.A) + 127) / 255);
            Pixels[i + 3] = colour.A;
        }
    }

    /// <summary>Fills the region where <paramref name="inside"/> holds.</summary>
    public void Fill(Func<double, double, bool> inside, Paint paint)
    {
        var alpha = Math.Clamp(paint.Color.A / 255f * paint.Opacity, 0f, 1f);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var coverage = Coverage(x, y, inside);
                if (coverage <= 0f)
                {
                    continue;
                }

                var k = coverage * alpha;
                var keep = 1f - k;
                var i = ((y * Width) + x) * 4;
                Pixels[i] = (byte)((paint.Color.R * k) + (Pixels[i] * keep) + 0.5f);
                Pixels[i + 1] = (byte)((paint.Color.G * k) + (Pixels[i + 1] * keep) + 0.5f);
                Pixels[i + 2] = (byte)((paint.Color.B * k) + (Pixels[i + 2] * keep) + 0.5f);
                Pixels[i + 3] = (byte)((255f * k) + (Pixels[i + 3] * keep) + 0.5f);
            }
        }
    }

    /// <summary>A partition layer: each sample takes the mean premultiplied paint of the regions containing it.</summary>
    public void FillLayer(IReadOnlyList<(Func<double, double, bool> Inside, Paint Paint)> regions)
    {
        var sum = new float[4];
        var sample = new float[4];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                Array.Clear(sum);
                for (var sy = 0; sy < SamplesPerAxis; sy++)
                {
                    for (var sx = 0; sx < SamplesPerAxis; sx++)
                    {
                        var px = x + ((sx + 0.5) / SamplesPerAxis);
                        var py = y + ((sy + 0.5) / SamplesPerAxis);
                        Array.Clear(sample);
                        var hits = 0;
                        foreach (var (inside, paint) in regions)
                        {
                            if (!inside(px, py))
                            {
                                continue;
                            }

                            var a = Math.Clamp(paint.Color.A / 255f * paint.Opacity, 0f, 1f);
                            sample[0] += paint.Color.R * a;
                            sample[1] += paint.Color.G * a;
                            sample[2] += paint.Color.B * a;
                            sample[3] += 255f * a;
                            hits++;
                        }

                        for (var c = 0; c < 4 && hits > 0; c++)
                        {
                            sum[c] += sample[c] / hits;
                        }
                    }
                }

                var i = ((y * Width) + x) * 4;
                const float n = SamplesPerAxis * SamplesPerAxis;
                var keep = 1f - (sum[3] / n / 255f);
                for (var c = 0; c < 4; c++)
                {
                    Pixels[i + c] = (byte)Math.Min(255f, (sum[c] / n) + (Pixels[i + c] * keep) + 0.5f);
                }
            }
        }
    }

    private static float Coverage(int x, int y, Func<double, double, bool> inside)
    {
        var hits = 0;
        for (var sy = 0; sy < SamplesPerAxis; sy++)
        {
            for (var sx = 0; sx < SamplesPerAxis; sx++)
            {
                if (inside(x + ((sx + 0.5) / SamplesPerAxis), y + ((sy + 0.5) / SamplesPerAxis)))
                {
                    hits++;
                }
            }
        }

        return hits / (float)(SamplesPerAxis * SamplesPerAxis);
    }
}

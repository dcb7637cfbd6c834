using System.Runtime.InteropServices;

namespace TileServer.Rendering;

/// <summary>
/// Composites a solid paint onto premultiplied RGBA8888 pixels with Porter–Duff source-over
/// (out = src·k + dst·(1 − αk), k = coverage); premultiplied storage makes this one multiply-add per channel.
/// </summary>
internal struct SourceOverSink : ICoverageSink
{
    private readonly byte[] _pixels;
    private readonly int _width;
    private readonly float _red;
    private readonly float _green;
    private readonly float _blue;
    private readonly float _alpha;
    private readonly uint _opaquePacked;

    public SourceOverSink(byte[] pixels, int width, Paint paint)
    {
        _pixels = pixels;
        _width = width;
        _alpha = paint.EffectiveAlpha;
        _red = paint.Color.R;
        _green = paint.Color.G;
        _blue = paint.Color.B;
        _opaquePacked = PixelPacking.Pack(paint.Color.R, paint.Color.G, paint.Color.B, 255);
    }

    public readonly void BlendRow(int y, int x0, ReadOnlySpan<float> coverage)
    {
        var rowStart = ((y * _width) + x0) * 4;
        var pixels = _pixels.AsSpan(rowStart, coverage.Length * 4);
        var opaque = _alpha >= 1f;
        var i = 0;
        while (i < coverage.Length)
        {
            var c = coverage[i];
            if (c <= 0f)
            {
                i++;
                continue;
            }

            if (opaque && c >= 1f)
            {
                // Interior runs of an opaque paint are plain stores; Span.Fill is vectorised by the BCL.
                var runEnd = i + 1;
                while (runEnd < coverage.Length && coverage[runEnd] >= 1f)
                {
                    runEnd++;
                }

                MemoryMarshal.Cast<byte, uint>(pixels).Slice(i, runEnd - i).Fill(_opaquePacked);
                i = runEnd;
                continue;
            }

            var k = Math.Min(c, 1f) * _alpha;
            var keep = 1f - k;
            var p = pixels.Slice(i * 4, 4);
            p[0] = (byte)((_red * k) + (p[0] * keep) + 0.5f);
            p[1] = (byte)((_green * k) + (p[1] * keep) + 0.5f);
            p[2] = (byte)((_blue * k) + (p[2] * keep) + 0.5f);
            p[3] = (byte)((255f * k) + (p[3] * keep) + 0.5f);
            i++;
        }
    }
}

using System.IO.Compression;

namespace TileServer.Rendering.Png;

/// <summary>
/// Compresses the filtered scanlines of one image into a zlib stream (ISO/IEC 15948 §10) according to a
/// <see cref="PngCompression"/> mode, keeping its buffers between tiles.
/// </summary>
internal sealed class IdatCompressor
{
    /// <summary>Above this many bytes from the run-length pass, <see cref="PngCompression.Balanced"/> also tries level 6.</summary>
    /// <remarks>On the 24 tiles of benchmarks/raster-vs-mapnik.sh, level 6 beat run-length only on outputs above
    /// 16 KB (dense tiles, by 3–8 %); on the 4–8 KB ones run-length was smaller anyway, and the second pass
    /// cost 10–15 % of their render time (docs/benchmarks.md).</remarks>
    internal const int BalancedRetryBytes = 16 * 1024;

    private readonly MemoryStream _first = new();
    private readonly MemoryStream _second = new();

    /// <summary>
    /// Above this many runs of equal pixels, <see cref="PngCompression.Balanced"/> and <see cref="PngCompression.Compact"/> go straight to level 6.
    /// The run-length stream costs about 1.0–1.5 bytes per run, so such an image would exceed
    /// <see cref="BalancedRetryBytes"/> and be compressed twice (docs/benchmarks.md).
    /// </summary>
    internal const int DirectGeneralRuns = 12_000;

    /// <summary>Compresses <paramref name="filtered"/>; the result stays valid until the next call.</summary>
    /// <param name="runs">Runs of equal pixels along the image's rows, when known (else negative).</param>
    public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> filtered, PngCompression mode, int runs = -1)
    {
        if (mode == PngCompression.Smallest)
        {
            return Deflate(_first, filtered, 9, ZLibCompressionStrategy.Default);
        }

        if ((mode is PngCompression.Balanced or PngCompression.Compact) && runs > DirectGeneralRuns)
        {
            return Deflate(_second, filtered, 6, ZLibCompressionStrategy.Default);
        }

        var runLength = Deflate(_first, filtered, 6, ZLibCompressionStrategy.RunLengthEncoding);
        if (mode == PngCompression.Fast || (mode == PngCompression.Balanced && runLength.Length <= BalancedRetryBytes))
        {
            return runLength;
        }

        var general = Deflate(_second, filtered, 6, ZLibCompressionStrategy.Default);
        return general.Length < runLength.Length ? general : runLength;
    }

    private static ReadOnlySpan<byte> Deflate(MemoryStream buffer, ReadOnlySpan<byte> data, int level, ZLibCompressionStrategy strategy)
    {
        buffer.SetLength(0);
        using (var zlib = new ZLibStream(buffer, new ZLibCompressionOptions { CompressionLevel = level, CompressionStrategy = strategy }, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
    }
}

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

    /// <summary>Compresses <paramref name="filtered"/>; the result stays valid until the next call.</summary>
    public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> filtered, PngCompression mode)
    {
        if (mode == PngCompression.Smallest)
        {
            return Deflate(_first, filtered, 9, ZLibCompressionStrategy.Default);
        }

        var runLength = Deflate(_first, filtered, 6, ZLibCompressionStrategy.RunLengthEncoding);
        if (mode == PngCompression.Fast || runLength.Length <= BalancedRetryBytes)
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

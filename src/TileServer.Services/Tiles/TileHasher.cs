namespace TileServer.Services.Tiles;

using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using TileServer.Core.Caching;

/// <summary>Finishes encoded tile bytes into cacheable content: gzip copy and strong entity tag.</summary>
/// <remarks>
/// <para>Measured on the sample's ghyd tiles (docs/benchmarks.md, "Finishing an uncached tile"): gzip is about nine
/// tenths of this step and SHA-256 the rest. zlib level 2 takes about 40% of the time of level 6 (what
/// CompressionLevel.Optimal maps to) for output 3% larger (52.3% of the raw bytes against 50.7%); nginx compresses
/// dynamic content at level 1 by default. So tiles are compressed at <see cref="DefaultGzipLevel"/>.</para>
/// <para>The tag stays a content hash (SHA-256, 96 bits shown) rather than one derived from the cache key and
/// generation: generations of a memory-only server start at 0 again after a restart, so a key-derived tag could
/// name different bytes before and after the data changed, which a strong validator must never do (RFC 9110
/// §8.8.1). With the CPU's SHA extensions the hash is a few microseconds per 10 KiB, not worth a weaker tag.</para>
/// <para>Compression writes into a pooled buffer of the deflate bound and copies out the exact bytes once, so
/// a large tile does not leave a growing MemoryStream's buffers (on the large object heap) behind.</para>
/// </remarks>
public static class TileHasher
{
    public const int DefaultGzipLevel = 2;

    public static TileContent Finish(byte[] data) => Finish(data, DefaultGzipLevel);

    public static TileContent Finish(byte[] data, int gzipLevel)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0)
        {
            return new TileContent(data, data, "\"empty\"");
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        string etag = "\"" + Convert.ToHexStringLower(hash[..12]) + "\"";
        return new TileContent(data, Gzip(data, gzipLevel), etag);
    }

    private static byte[] Gzip(byte[] data, int level)
    {
        // Incompressible input grows by a few bytes per stored block plus the 18-byte gzip frame (zlib's and
        // zlib-ng's deflateBound); an eighth more is far above either, and the pool rounds up to a power of two anyway.
        int bound = data.Length + (data.Length >> 3) + 128;
        byte[] rented = ArrayPool<byte>.Shared.Rent(bound);
        try
        {
            using var buffer = new MemoryStream(rented, 0, rented.Length, writable: true);
            // zlib knows levels 0–9; a configured value outside them is taken as the nearest, not failed per tile.
            var options = new ZLibCompressionOptions { CompressionLevel = Math.Clamp(level, 0, 9) };
            using (var gzip = new GZipStream(buffer, options, leaveOpen: true))
            {
                gzip.Write(data);
            }

            return rented.AsSpan(0, (int)buffer.Position).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

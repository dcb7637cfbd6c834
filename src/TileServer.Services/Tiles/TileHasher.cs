namespace TileServer.Services.Tiles;

using System.IO.Compression;
using System.Security.Cryptography;
using TileServer.Core.Caching;

/// <summary>Finishes encoded tile bytes into cacheable content: gzip copy and strong entity tag.</summary>
public static class TileHasher
{
    public static TileContent Finish(byte[] data)
    {
        if (data.Length == 0)
        {
            return new TileContent(data, data, "\"empty\"");
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        string etag = "\"" + Convert.ToHexStringLower(hash[..12]) + "\"";
        using var buffer = new MemoryStream(data.Length / 2 + 64);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return new TileContent(data, buffer.ToArray(), etag);
    }
}

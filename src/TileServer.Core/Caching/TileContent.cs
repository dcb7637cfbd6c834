namespace TileServer.Core.Caching;

/// <summary>A finished tile: the encoded bytes (empty for a tile with no features), the same bytes
/// gzip-compressed for clients that accept it, and a strong entity tag of the uncompressed bytes.</summary>
public sealed record TileContent(byte[] Data, byte[] Gzipped, string ETag)
{
    public bool IsEmpty => Data.Length == 0;

    /// <summary>Bytes held in memory, for byte-bounded caches.</summary>
    public long SizeInBytes => Data.Length + Gzipped.Length + ETag.Length * 2 + 64;
}

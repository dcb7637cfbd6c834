namespace TileServer.Core.Caching;

/// <summary>A finished tile: the encoded bytes (empty for a tile with no features), the same bytes
/// gzip-compressed for clients that accept it, and a strong entity tag of the uncompressed bytes.</summary>
/// <remarks>The tag of the gzip representation is derived here, once per produced or decoded tile, rather than on
/// every cache hit: a hit should be a lookup plus a write. RFC 9110 §8.8.3 asks for distinct strong tags for
/// distinct representations, so the gzip bytes get their own tag (the identity tag with "-gzip" before the
/// closing quote).</remarks>
public sealed record TileContent(byte[] Data, byte[] Gzipped, string ETag)
{
    public bool IsEmpty => Data.Length == 0;

    /// <summary>The strong entity tag of <see cref="Gzipped"/>.</summary>
    public string GzipETag { get; } = GzipTagOf(ETag);

    /// <summary>Bytes held in memory, for byte-bounded caches.</summary>
    public long SizeInBytes => Data.Length + Gzipped.Length + (ETag.Length * 4) + 96;

    private static string GzipTagOf(string etag) =>
        etag is null || etag.Length < 2 || etag[^1] != '"' ? etag + "-gzip" : string.Concat(etag.AsSpan(0, etag.Length - 1), "-gzip\"");
}

namespace TileServer.Caching.Redis;

using System.Buffers.Binary;

/// <summary>The 17 bytes stored in front of every cached value: a format version, the absolute expiration
/// and the sliding expiration. Keeping them in the same string as the value lets Get read everything in one
/// GET (no hash, no second round trip), and Refresh read only the header with GETRANGE 0 16.</summary>
internal readonly record struct CacheEntryHeader(long AbsoluteExpirationUnixMs, long SlidingExpirationMs)
{
    public const int Size = 17;

    private const byte FormatVersion = 1;

    public bool HasSlidingExpiration => SlidingExpirationMs > 0;

    public static byte[] Prepend(CacheEntryHeader header, ReadOnlySpan<byte> value)
    {
        var stored = new byte[Size + value.Length];
        stored[0] = FormatVersion;
        BinaryPrimitives.WriteInt64LittleEndian(stored.AsSpan(1), header.AbsoluteExpirationUnixMs);
        BinaryPrimitives.WriteInt64LittleEndian(stored.AsSpan(9), header.SlidingExpirationMs);
        value.CopyTo(stored.AsSpan(Size));
        return stored;
    }

    /// <summary>Reads the header; false for bytes this format did not write (too short, other version).</summary>
    public static bool TryRead(ReadOnlySpan<byte> stored, out CacheEntryHeader header)
    {
        if (stored.Length < Size || stored[0] != FormatVersion)
        {
            header = default;
            return false;
        }

        header = new CacheEntryHeader(
            BinaryPrimitives.ReadInt64LittleEndian(stored[1..]),
            BinaryPrimitives.ReadInt64LittleEndian(stored[9..]));
        return true;
    }

    /// <summary>The TTL to give the key now: the sliding window, cut short by the absolute expiration.
    /// Null when neither is set (the key does not expire); zero or less when already expired.</summary>
    public TimeSpan? TimeToLive(DateTimeOffset now)
    {
        TimeSpan? untilAbsolute = AbsoluteExpirationUnixMs > 0
            ? TimeSpan.FromMilliseconds(AbsoluteExpirationUnixMs - now.ToUnixTimeMilliseconds())
            : null;
        TimeSpan? sliding = HasSlidingExpiration ? TimeSpan.FromMilliseconds(SlidingExpirationMs) : null;
        return (untilAbsolute, sliding) switch
        {
            ({ } a, { } s) => a < s ? a : s,
            ({ } a, null) => a,
            (null, { } s) => s,
            _ => null,
        };
    }
}

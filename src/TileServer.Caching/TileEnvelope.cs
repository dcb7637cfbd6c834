namespace TileServer.Caching;

using System.Buffers.Binary;
using System.Text;
using TileServer.Core.Caching;

/// <summary>The compact binary form of a <see cref="TileContent"/> in the distributed cache:
/// magic 'T', version 1, then three length-prefixed parts (int32 little-endian lengths): the ETag in
/// UTF-8, the tile bytes, the gzip bytes. Nine bytes of overhead plus the tag.</summary>
public static class TileEnvelope
{
    private const byte Magic = (byte)'T';
    private const byte Version = 1;
    private const int HeaderSize = 2;

    public static byte[] Encode(TileContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        byte[] etag = Encoding.UTF8.GetBytes(content.ETag);
        byte[] envelope = new byte[HeaderSize + (3 * sizeof(int)) + etag.Length + content.Data.Length + content.Gzipped.Length];
        envelope[0] = Magic;
        envelope[1] = Version;
        int offset = HeaderSize;
        foreach (byte[] part in (byte[][])[etag, content.Data, content.Gzipped])
        {
            BinaryPrimitives.WriteInt32LittleEndian(envelope.AsSpan(offset), part.Length);
            part.CopyTo(envelope, offset + sizeof(int));
            offset += sizeof(int) + part.Length;
        }

        return envelope;
    }

    /// <summary>False for anything this version did not write (foreign or truncated values): for a cache the
    /// right answer to an unreadable entry is a miss, so the tile is produced again and overwritten.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> envelope, out TileContent content)
    {
        content = null!;
        if (envelope.Length < HeaderSize || envelope[0] != Magic || envelope[1] != Version)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = envelope[HeaderSize..];
        if (!TryReadPart(ref rest, out byte[] etag) || !TryReadPart(ref rest, out byte[] data) || !TryReadPart(ref rest, out byte[] gzipped)
            || !rest.IsEmpty)
        {
            return false;
        }

        content = new TileContent(data, gzipped, Encoding.UTF8.GetString(etag));
        return true;
    }

    private static bool TryReadPart(ref ReadOnlySpan<byte> rest, out byte[] part)
    {
        part = [];
        if (rest.Length < sizeof(int))
        {
            return false;
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(rest);
        if (length < 0 || length > rest.Length - sizeof(int))
        {
            return false;
        }

        part = rest.Slice(sizeof(int), length).ToArray();
        rest = rest[(sizeof(int) + length)..];
        return true;
    }
}

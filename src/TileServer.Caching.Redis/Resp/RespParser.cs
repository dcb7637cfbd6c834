namespace TileServer.Caching.Redis.Resp;

using System.Buffers.Text;

/// <summary>Incremental RESP2 parser over a buffer that may hold a partial reply
/// (https://redis.io/docs/latest/develop/reference/protocol-spec/). <see cref="TryParse"/> either
/// consumes one complete reply or consumes nothing, so the caller can read more bytes and try again.</summary>
/// <remarks>An incomplete reply is parsed again from its start when more bytes arrive. That is cheap for
/// the replies this client asks for (a bulk string needs only its header re-read; arrays are small),
/// and it keeps the parser free of state between reads.</remarks>
public static class RespParser
{
    /// <summary>The server's default proto-max-bulk-len (512 MB): a longer bulk string is corrupt input.</summary>
    public const int MaxBulkLength = 512 * 1024 * 1024;

    /// <summary>Nesting deeper than this is treated as corrupt input rather than recursing without bound.</summary>
    public const int MaxDepth = 32;

    /// <summary>A status, error or integer line longer than this without CRLF is corrupt input.</summary>
    public const int MaxLineLength = 1024 * 1024;

    private const int MaxArrayLength = 16 * 1024 * 1024;

    /// <summary>Parses one reply from the start of <paramref name="buffer"/>.</summary>
    /// <returns>False (and <paramref name="consumed"/> 0) when the buffer ends before the reply does.</returns>
    /// <exception cref="RespProtocolException">The bytes are not RESP2.</exception>
    public static bool TryParse(ReadOnlySpan<byte> buffer, out RespValue? value, out int consumed)
    {
        int position = 0;
        value = ParseValue(buffer, ref position, depth: 0);
        consumed = value is null ? 0 : position;
        return value is not null;
    }

    private static RespValue? ParseValue(ReadOnlySpan<byte> buffer, ref int position, int depth)
    {
        if (position >= buffer.Length)
        {
            return null;
        }

        byte type = buffer[position];
        int lineStart = position + 1;
        if (!TryReadLine(buffer, lineStart, out ReadOnlySpan<byte> line, out int afterLine))
        {
            return null;
        }

        switch (type)
        {
            case (byte)'+':
                position = afterLine;
                return RespValue.SimpleString(line.ToArray());
            case (byte)'-':
                position = afterLine;
                return RespValue.Error(line.ToArray());
            case (byte)':':
                position = afterLine;
                return RespValue.FromInteger(ParseInteger(line));
            case (byte)'$':
                return ParseBulkString(buffer, ref position, line, afterLine);
            case (byte)'*':
                return ParseArray(buffer, ref position, line, afterLine, depth);
            default:
                // RESP3 types (_ , # % ~ > …) never arrive: this client never sends HELLO 3.
                throw new RespProtocolException($"unexpected RESP type byte 0x{type:X2} ('{(char)type}')");
        }
    }

    private static RespValue? ParseBulkString(ReadOnlySpan<byte> buffer, ref int position, ReadOnlySpan<byte> header, int afterHeader)
    {
        long length = ParseInteger(header);
        if (length == -1)
        {
            position = afterHeader;
            return RespValue.NullBulkString;
        }

        if (length < 0 || length > MaxBulkLength)
        {
            throw new RespProtocolException($"invalid bulk string length {length}");
        }

        // "$<length>\r\n<data>\r\n": the payload is followed by its own CRLF.
        long end = afterHeader + length + 2;
        if (end > buffer.Length)
        {
            return null;
        }

        int dataEnd = afterHeader + (int)length;
        if (buffer[dataEnd] != '\r' || buffer[dataEnd + 1] != '\n')
        {
            throw new RespProtocolException("bulk string is not terminated by CRLF");
        }

        position = (int)end;
        return RespValue.BulkString(buffer[afterHeader..dataEnd].ToArray());
    }

    private static RespValue? ParseArray(ReadOnlySpan<byte> buffer, ref int position, ReadOnlySpan<byte> header, int afterHeader, int depth)
    {
        long count = ParseInteger(header);
        if (count == -1)
        {
            position = afterHeader;
            return RespValue.NullArray;
        }

        if (count < 0 || count > MaxArrayLength)
        {
            throw new RespProtocolException($"invalid array length {count}");
        }

        if (depth >= MaxDepth)
        {
            throw new RespProtocolException($"arrays nested deeper than {MaxDepth}");
        }

        // Every element takes at least 3 bytes ("+\r\n"): reject an impossible count before allocating.
        if (afterHeader + count * 3 > buffer.Length)
        {
            return null;
        }

        var items = new RespValue[count];
        int cursor = afterHeader;
        for (int i = 0; i < items.Length; i++)
        {
            RespValue? item = ParseValue(buffer, ref cursor, depth + 1);
            if (item is null)
            {
                return null;
            }

            items[i] = item;
        }

        position = cursor;
        return RespValue.Array(items);
    }

    /// <summary>Finds the CRLF ending the line that starts at <paramref name="start"/>.</summary>
    private static bool TryReadLine(ReadOnlySpan<byte> buffer, int start, out ReadOnlySpan<byte> line, out int afterLine)
    {
        ReadOnlySpan<byte> rest = buffer[start..];
        int cr = rest.IndexOf((byte)'\r');
        if (cr < 0 || cr + 1 >= rest.Length)
        {
            if (rest.Length > MaxLineLength)
            {
                throw new RespProtocolException($"line longer than {MaxLineLength} bytes without CRLF");
            }

            line = default;
            afterLine = 0;
            return false;
        }

        // The spec forbids CR and LF inside simple strings and errors, so the first CR must start the CRLF.
        if (rest[cr + 1] != '\n')
        {
            throw new RespProtocolException("CR not followed by LF");
        }

        line = rest[..cr];
        afterLine = start + cr + 2;
        return true;
    }

    private static long ParseInteger(ReadOnlySpan<byte> digits)
    {
        if (digits.IsEmpty || !Utf8Parser.TryParse(digits, out long value, out int used) || used != digits.Length)
        {
            throw new RespProtocolException($"invalid integer '{System.Text.Encoding.ASCII.GetString(digits)}'");
        }

        return value;
    }
}

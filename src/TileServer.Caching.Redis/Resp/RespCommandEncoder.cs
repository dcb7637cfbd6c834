namespace TileServer.Caching.Redis.Resp;

using System.Buffers.Text;

/// <summary>Encodes a command the way clients must send it: an array of bulk strings,
/// <c>*&lt;n&gt;\r\n</c> then <c>$&lt;len&gt;\r\n&lt;bytes&gt;\r\n</c> per word (RESP spec, "Sending commands to a Redis server").</summary>
public static class RespCommandEncoder
{
    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    public static byte[] Encode(IReadOnlyList<RedisArgument> words)
    {
        if (words.Count == 0)
        {
            throw new ArgumentException("A command needs at least its name.", nameof(words));
        }

        long size = 1 + DigitCount(words.Count) + 2;
        foreach (RedisArgument word in words)
        {
            size += 1 + DigitCount(word.Bytes.Length) + 2 + word.Bytes.Length + 2;
        }

        var payload = new byte[size];
        Span<byte> output = payload;
        int position = WriteHeader(output, (byte)'*', words.Count);
        foreach (RedisArgument word in words)
        {
            position += WriteHeader(output[position..], (byte)'$', word.Bytes.Length);
            word.Bytes.Span.CopyTo(output[position..]);
            position += word.Bytes.Length;
            CrLf.CopyTo(output[position..]);
            position += 2;
        }

        return payload;
    }

    private static int WriteHeader(Span<byte> output, byte type, int number)
    {
        output[0] = type;
        Utf8Formatter.TryFormat(number, output[1..], out int written);
        CrLf.CopyTo(output[(1 + written)..]);
        return 1 + written + 2;
    }

    private static int DigitCount(int number)
    {
        int digits = 1;
        while (number >= 10)
        {
            number /= 10;
            digits++;
        }

        return digits;
    }
}

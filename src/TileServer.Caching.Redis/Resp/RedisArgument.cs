namespace TileServer.Caching.Redis.Resp;

using System.Globalization;
using System.Text;

/// <summary>One word of a command as the bytes sent in its bulk string: text is UTF-8, integers are
/// decimal ASCII, byte arrays go as they are (binary safe).</summary>
public readonly struct RedisArgument
{
    public RedisArgument(ReadOnlyMemory<byte> bytes) => Bytes = bytes;

    public ReadOnlyMemory<byte> Bytes { get; }

    public static implicit operator RedisArgument(string text) => new(Encoding.UTF8.GetBytes(text));

    public static implicit operator RedisArgument(byte[] bytes) => new(bytes);

    public static implicit operator RedisArgument(ReadOnlyMemory<byte> bytes) => new(bytes);

    public static implicit operator RedisArgument(long number) => new(Encoding.ASCII.GetBytes(number.ToString(CultureInfo.InvariantCulture)));

    public override string ToString() => Encoding.UTF8.GetString(Bytes.Span);
}

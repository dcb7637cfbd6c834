namespace TileServer.Caching.Redis.Resp;

using System.Text;

/// <summary>One parsed RESP2 reply. Bulk strings keep their bytes (binary safe); simple strings and
/// errors are ASCII/UTF-8 text; null bulk strings and null arrays have <see cref="IsNull"/> set.</summary>
public sealed class RespValue
{
    private static readonly RespValue[] NoItems = [];

    private RespValue(RespKind kind, byte[]? bytes, long integer, RespValue[]? items)
    {
        Kind = kind;
        Bytes = bytes;
        Integer = integer;
        Items = items;
    }

    public static RespValue NullBulkString { get; } = new(RespKind.BulkString, null, 0, null);

    public static RespValue NullArray { get; } = new(RespKind.Array, null, 0, null);

    public RespKind Kind { get; }

    /// <summary>The payload of a simple string, error or bulk string; null for a null bulk string.</summary>
    public byte[]? Bytes { get; }

    public long Integer { get; }

    /// <summary>The elements of an array; null for a null array.</summary>
    public IReadOnlyList<RespValue>? Items { get; }

    public bool IsNull => Kind is RespKind.BulkString or RespKind.Array && Bytes is null && Items is null;

    public static RespValue SimpleString(string text) => new(RespKind.SimpleString, Encoding.UTF8.GetBytes(text), 0, null);

    public static RespValue SimpleString(byte[] text) => new(RespKind.SimpleString, text, 0, null);

    public static RespValue Error(byte[] text) => new(RespKind.Error, text, 0, null);

    public static RespValue FromInteger(long value) => new(RespKind.Integer, null, value, null);

    public static RespValue BulkString(byte[] bytes) => new(RespKind.BulkString, bytes, 0, null);

    public static RespValue Array(RespValue[] items) => new(RespKind.Array, null, 0, items.Length == 0 ? NoItems : items);

    /// <summary>The text of a simple string, error or bulk string (UTF-8); null for null replies.</summary>
    public string? AsText() => Bytes is null ? null : Encoding.UTF8.GetString(Bytes);

    public override string ToString() => Kind switch
    {
        RespKind.Integer => $":{Integer}",
        RespKind.Array => IsNull ? "*-1" : $"*[{string.Join(", ", Items!)}]",
        RespKind.BulkString when IsNull => "$-1",
        RespKind.BulkString => $"${Bytes!.Length}",
        RespKind.Error => $"-{AsText()}",
        _ => $"+{AsText()}",
    };
}

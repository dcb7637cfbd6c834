using System.Globalization;

namespace TileServer.Mvt;

/// <summary>
/// Tagged union of the MVT attribute value types (MVT 2.1 §4.1, message Value). Equality is by kind and exact
/// bit pattern, so it is suitable for the per-layer value deduplication the spec asks for (§4.4).
/// </summary>
public readonly struct MvtValue : IEquatable<MvtValue>
{
    private readonly string? _string;
    private readonly ulong _bits;

    private MvtValue(MvtValueKind kind, string? text, ulong bits)
    {
        Kind = kind;
        _string = text;
        _bits = bits;
    }

    public MvtValueKind Kind { get; }

    public static MvtValue FromString(string v) =>
        new(MvtValueKind.String, v ?? throw new ArgumentNullException(nameof(v)), 0);

    public static MvtValue FromDouble(double v) => new(MvtValueKind.Double, null, BitConverter.DoubleToUInt64Bits(v));

    public static MvtValue FromFloat(float v) => new(MvtValueKind.Float, null, BitConverter.SingleToUInt32Bits(v));

    /// <summary>Encoded as sint_value when negative (zigzag keeps it short), int_value otherwise.</summary>
    public static MvtValue FromLong(long v) => new(MvtValueKind.Long, null, unchecked((ulong)v));

    public static MvtValue FromULong(ulong v) => new(MvtValueKind.ULong, null, v);

    public static MvtValue FromBool(bool v) => new(MvtValueKind.Bool, null, v ? 1UL : 0UL);

    public static implicit operator MvtValue(string v) => FromString(v);

    public static implicit operator MvtValue(double v) => FromDouble(v);

    public static implicit operator MvtValue(long v) => FromLong(v);

    public static implicit operator MvtValue(bool v) => FromBool(v);

    public string AsString() => Kind == MvtValueKind.String ? _string! : throw WrongKind(MvtValueKind.String);

    public double AsDouble() => Kind == MvtValueKind.Double ? BitConverter.UInt64BitsToDouble(_bits) : throw WrongKind(MvtValueKind.Double);

    public float AsFloat() => Kind == MvtValueKind.Float ? BitConverter.UInt32BitsToSingle((uint)_bits) : throw WrongKind(MvtValueKind.Float);

    public long AsLong() => Kind == MvtValueKind.Long ? unchecked((long)_bits) : throw WrongKind(MvtValueKind.Long);

    public ulong AsULong() => Kind == MvtValueKind.ULong ? _bits : throw WrongKind(MvtValueKind.ULong);

    public bool AsBool() => Kind == MvtValueKind.Bool ? _bits != 0 : throw WrongKind(MvtValueKind.Bool);

    /// <summary>The value boxed as string, float, double, long, ulong or bool — the same objects the decoder yields.</summary>
    public object ToObject() => Kind switch
    {
        MvtValueKind.String => AsString(),
        MvtValueKind.Float => AsFloat(),
        MvtValueKind.Double => AsDouble(),
        MvtValueKind.Long => AsLong(),
        MvtValueKind.ULong => AsULong(),
        MvtValueKind.Bool => AsBool(),
        _ => throw new InvalidOperationException("An empty MvtValue holds no value."),
    };

    /// <summary>The raw payload bits; the encoder reads these directly to avoid boxing.</summary>
    internal ulong Bits => _bits;

    public bool Equals(MvtValue other) =>
        Kind == other.Kind && _bits == other._bits && string.Equals(_string, other._string, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is MvtValue other && Equals(other);

    public override int GetHashCode() =>
        HashCode.Combine(Kind, _bits, _string is null ? 0 : StringComparer.Ordinal.GetHashCode(_string));

    public static bool operator ==(MvtValue left, MvtValue right) => left.Equals(right);

    public static bool operator !=(MvtValue left, MvtValue right) => !left.Equals(right);

    public override string ToString() =>
        Kind == MvtValueKind.None ? "(none)" : $"{Kind}:{Convert.ToString(ToObject(), CultureInfo.InvariantCulture)}";

    private InvalidOperationException WrongKind(MvtValueKind expected) =>
        new($"MvtValue holds {Kind}, not {expected}.");
}

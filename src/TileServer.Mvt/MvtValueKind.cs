namespace TileServer.Mvt;

/// <summary>Which member of the MVT value union an <see cref="MvtValue"/> holds (MVT 2.1 §4.1, message Value).</summary>
public enum MvtValueKind
{
    None = 0,
    String = 1,
    Float = 2,
    Double = 3,
    Long = 4,
    ULong = 5,
    Bool = 6,
}

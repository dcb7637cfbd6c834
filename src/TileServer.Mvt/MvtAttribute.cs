namespace TileServer.Mvt;

/// <summary>One feature attribute; encoded as a key/value index pair in the feature's tags (MVT 2.1 §4.4).</summary>
public readonly record struct MvtAttribute(string Key, MvtValue Value);

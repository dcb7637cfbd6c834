namespace TileServer.Mvt;

/// <summary>
/// A decoded feature. Attributes map keys to string, float, double, long, ulong or bool (int_value and
/// sint_value both decode to long). <see cref="Parts"/> holds absolute vertices: for Point features one part per
/// MoveTo command (all its points), for LineString and Polygon one part per line or ring, rings without the
/// repeated closing vertex that ClosePath implies. <see cref="Commands"/> is the raw geometry integer stream.
/// </summary>
public sealed record MvtFeature(
    ulong? Id,
    MvtGeometryType Type,
    IReadOnlyDictionary<string, object> Attributes,
    IReadOnlyList<IReadOnlyList<MvtPoint>> Parts,
    IReadOnlyList<uint> Commands);

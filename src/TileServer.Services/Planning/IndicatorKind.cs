namespace TileServer.Services.Planning;

/// <summary>A binding indicator: its id in the output, names, the target key of plan_targets.json and the
/// unit the target is written in.</summary>
public sealed record IndicatorKind(string Id, string NameZh, string NameEn, string TargetKey, string Unit)
{
    public const string Wanmu = "万亩";
    public const string SquareKilometres = "km²";
    public const string Multiple = "×";

    /// <summary>1 亩 = 10000/15 m², so 1 万亩 = 6.6666667 km².</summary>
    public const double SquareMetresPerWanmu = 10_000.0 * 10_000.0 / 15.0;

    public static IndicatorKind Farmland { get; } = new("farmland", "耕地保有量", "Farmland", "farmland_wanmu", Wanmu);

    public static IndicatorKind PermanentBasicFarmland { get; } =
        new("permanent_basic_farmland", "永久基本农田", "Permanent basic farmland", "permanent_basic_farmland_wanmu", Wanmu);

    public static IndicatorKind EcologicalRedline { get; } =
        new("ecological_redline", "生态保护红线", "Ecological protection red line", "ecological_redline_km2", SquareKilometres);

    public static IndicatorKind BasicGrassland { get; } = new("basic_grassland", "基本草原", "Basic grassland", "basic_grassland_wanmu", Wanmu);

    public static IndicatorKind ExpansionMultiple { get; } = new(
        "urban_boundary_expansion_multiple", "城镇开发边界扩展倍数", "Urban boundary expansion multiple", "urban_boundary_expansion_multiple", Multiple);

    /// <summary>In output order. Basic grassland appears only for units whose plan targets it.</summary>
    public static IReadOnlyList<IndicatorKind> All { get; } = [Farmland, PermanentBasicFarmland, EcologicalRedline, BasicGrassland, ExpansionMultiple];
}

namespace TileServer.SampleData.Output;

using TileServer.Core.Features;
using TileServer.SampleData.Reference;

/// <summary>The six layer schemas. Every feature is written as a MultiPolygon because boundary clipping
/// and dissolving can split any of them; one declared type keeps writers and readers simple.</summary>
public static class LayerSchemas
{
    public const int Srid = 4490;

    public static FeatureLayerSchema Xzq { get; } = new("xzq", GeometryKind.MultiPolygon, Srid,
        [new("xzqdm", FieldType.Text, "行政区代码"), new("xzqmc", FieldType.Text, "行政区名称"),
         new("sjxzqdm", FieldType.Text, "上级行政区代码"), new("sjxzqmc", FieldType.Text, "上级行政区名称")],
        "行政区", "County-level units");

    public static FeatureLayerSchema Ghyd { get; } = new("ghyd", GeometryKind.MultiPolygon, Srid,
        [new("bsm", FieldType.Text, "标识码"), new("xzqdm", FieldType.Text, "行政区代码"),
         new("ydyhfldm", FieldType.Text, "用地用海分类代码"), new("ydyhflmc", FieldType.Text, "用地用海分类名称"),
         new("mj", FieldType.Real, "面积")],
        "规划用地用海", "Planned land and sea use (2023 classification, level 2)");

    public static FeatureLayerSchema Czjsyd2020 { get; } = new("czjsyd2020", GeometryKind.MultiPolygon, Srid,
        [new("bsm", FieldType.Text, "标识码"), new("xzqdm", FieldType.Text, "行政区代码"), new("mj", FieldType.Real, "面积")],
        "2020年城镇建设用地", "2020 urban construction land, the base of the expansion multiple");

    public static FeatureLayerSchema Yjjbnt { get; } = ControlLine("yjjbnt", "永久基本农田");

    public static FeatureLayerSchema Stbhhx { get; } = ControlLine("stbhhx", "生态保护红线");

    public static FeatureLayerSchema Czkfbj { get; } = ControlLine("czkfbj", "城镇开发边界");

    private static FeatureLayerSchema ControlLine(string key, string title) => new(key, GeometryKind.MultiPolygon, Srid,
        ControlLineCatalog.FieldsOf(key).Select(f => new FieldDefinition(f.Field.ToLowerInvariant(), TypeOf(f.Type), f.AliasZh)).ToList(),
        title, $"{title} (fields of control_lines.json)");

    private static FieldType TypeOf(string type) => type switch
    {
        "Double" => FieldType.Real,
        "Integer" => FieldType.Integer,
        _ => FieldType.Text,
    };
}

namespace TileServer.SampleData.Output;

using TileServer.SampleData.Allocation;
using TileServer.SampleData.Geo;
using TileServer.SampleData.Reference;

/// <summary>Fills every field of a control-line layer with plausible values. Areas are GK areas;
/// Date fields are ISO 'yyyy-MM-dd' text.</summary>
internal static class ControlLineAttributes
{
    public static object?[] For(string layer, ControlFeature feature, string bsm, int sequence, UnitIdentity unit)
    {
        var fields = LayerSchemas.Yjjbnt.Name == layer ? LayerSchemas.Yjjbnt.Fields
            : LayerSchemas.Stbhhx.Name == layer ? LayerSchemas.Stbhhx.Fields : LayerSchemas.Czkfbj.Fields;
        var random = new DeterministicRandom(DeterministicRandom.Hash(bsm));
        var area = Math.Round(feature.Area, 2);
        var village = $"{unit.Code}{100 + feature.Town:D3}{200 + (sequence % 180):D3}0000000";
        return fields.Select(f => Value(layer, f.Name, feature, bsm, sequence, unit, area, village, random)).ToArray();
    }

    private static object? Value(string layer, string field, ControlFeature feature, string bsm, int sequence, UnitIdentity unit,
        double area, string village, DeterministicRandom random) => field switch
    {
        "bsm" => bsm,
        "ysdm" => layer switch { "yjjbnt" => "2090010100", "stbhhx" => "2090020100", _ => "2090030100" },
        "xzqdm" => unit.Code,
        "xzqmc" => unit.Name,
        "yjjbnttbbh" => $"{unit.Code}JB{sequence:D7}",
        "tbbh" => $"{sequence % 100000:D5}",
        "dlbm" => feature.Source?.Code,
        "dlmc" => feature.Source?.Code is { } code ? LanduseClassCatalog.Level2Name(code) : null,
        "qsxz" => "30",
        "qsdwdm" or "zldwdm" => village,
        "qsdwmc" or "zldwmc" => $"{unit.Name}第{(sequence % 180) + 1}村民委员会",
        "yjjbnttbmj" or "yjjbntmj" or "mj" => area,
        "kcdlbm" => null,
        "kcxs" or "kcmj" => 0.0,
        "gdlx" => feature.Source?.Elevation < 0.3 ? "PD" : "TT",
        "gdpdjb" => (1 + (int)Math.Clamp((feature.Source?.Elevation ?? 0) * 6, 0, 4)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "tbxhdm" or "tbxhmc" => null,
        "zzsxdm" => "LS",
        "zzsxmc" => "粮食及粮食作物",
        "gddb" => (long)(3 + random.Below(8)),
        "frdbs" => "0",
        "sjnf" => 2022L,
        "bhkssj" => "2022-10-01",
        "bhjssj" => "2035-12-31",
        "wdgd" => "是",
        "sheng" => unit.Province,
        "shi" => unit.CityName,
        "xian" => unit.Name,
        "hxbm" => $"HX{unit.Code}{sequence:D5}",
        "hxmc" => $"{unit.Name}{feature.Zone}生态保护红线",
        "hxlx" => feature.Zone,
        "lxbm" => feature.Zone switch { "水源涵养" => "01", "生物多样性维护" => "02", "水土保持" => "03", _ => "04" },
        "zrbhdmc" => unit.Code == "130881" && sequence % 7 == 0 ? "辽河源省级自然保护区" : null,
        "zrbhdjb" => unit.Code == "130881" && sequence % 7 == 0 ? "省级" : null,
        "zrbhdlx" => unit.Code == "130881" && sequence % 7 == 0 ? "自然保护区" : null,
        "zrbhdfq" => unit.Code == "130881" && sequence % 7 == 0 ? "一般控制区" : null,
        "gkcs" => "严格按照生态保护红线管控要求,禁止开发性、生产性建设活动",
        "szxjxzqdm" => unit.Code,
        "szxjxzqmc" => unit.Name,
        "ghfqdm" => feature.Zone switch { "城镇集中建设区" => "010", "城镇弹性发展区" => "020", _ => "030" },
        "ghfqmc" => feature.Zone,
        "bz" => null,
        _ => throw new InvalidOperationException($"No value rule for {layer}.{field}."),
    };
}

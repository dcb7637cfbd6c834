namespace TileServer.SampleData.Landscape;

/// <summary>The profile of each of the 16 units. Town coordinates are approximate real locations
/// (they are nudged inside the boundary if they fall outside); built-up areas are planned 2035 sizes.</summary>
internal static class UnitProfiles
{
    private static readonly IReadOnlyDictionary<string, UnitProfile> ByCode = new[]
    {
        new UnitProfile("130881", RegionKind.YanshanHills, 15.4, 4, 7.0, new[]
        {
            new TownSeed("平泉镇", 118.70, 41.01, 20.0, true),
            new TownSeed("七沟镇", 118.47, 40.93, 2.2, false),
            new TownSeed("党坝镇", 118.93, 41.22, 1.6, false),
            new TownSeed("杨树岭镇", 118.62, 40.80, 1.6, false),
            new TownSeed("黄土梁子镇", 118.98, 41.06, 1.8, false),
        }),
        new UnitProfile("150502", RegionKind.HorqinPlain, 2.4, 3, 2.2, new[]
        {
            new TownSeed("通辽市区", 122.26, 43.62, 75.0, true),
            new TownSeed("大林镇", 122.72, 43.55, 2.0, false),
        }, 0.55, 0.08, 0.12),
        new UnitProfile("150521", RegionKind.HorqinPlain, 1.5, 3, 1.6, new[]
        {
            new TownSeed("保康镇", 123.31, 44.13, 9.0, true),
            new TownSeed("舍伯吐镇", 122.62, 44.03, 1.5, false),
        }, 0.45, 0.18, 0.22),
        new UnitProfile("150522", RegionKind.HorqinPlain, 1.5, 3, 1.5, new[]
        {
            new TownSeed("甘旗卡镇", 122.36, 42.95, 10.0, true),
            new TownSeed("吉尔嘎朗镇", 122.70, 43.40, 1.2, false),
        }, 0.35, 0.22, 0.30),
        new UnitProfile("150523", RegionKind.HorqinPlain, 1.8, 2, 2.0, new[]
        {
            new TownSeed("开鲁镇", 121.32, 43.60, 11.0, true),
            new TownSeed("东风镇", 121.05, 43.75, 1.2, false),
        }, 0.55, 0.10, 0.12),
        new UnitProfile("150524", RegionKind.HorqinPlain, 1.4, 2, 1.3, new[]
        {
            new TownSeed("库伦镇", 121.77, 42.73, 5.0, true),
        }, 0.25, 0.20, 0.35),
        new UnitProfile("150525", RegionKind.HorqinPlain, 1.4, 3, 1.4, new[]
        {
            new TownSeed("大沁他拉镇", 120.66, 42.85, 12.0, true),
            new TownSeed("八仙筒镇", 120.68, 43.28, 1.5, false),
        }, 0.40, 0.18, 0.25),
        new UnitProfile("150526", RegionKind.HorqinUpland, 1.1, 3, 0.7, new[]
        {
            new TownSeed("鲁北镇", 120.91, 44.56, 9.0, true),
            new TownSeed("巨日合镇", 121.50, 44.20, 1.0, false),
        }, 0.15, 0.50, 0.33),
        new UnitProfile("150581", RegionKind.HorqinUpland, 3.0, 1, 0.5, new[]
        {
            new TownSeed("霍林郭勒市区", 119.66, 45.53, 16.0, true),
        }, 0.05, 0.60, 0.35),
        new UnitProfile("152501", RegionKind.DesertSteppe, 1.6, 1, 0.15, new[]
        {
            new TownSeed("二连浩特市区", 111.98, 43.65, 24.0, true),
            new TownSeed("格日勒敖都苏木", 111.75, 43.30, 0.6, false),
        }),
        new UnitProfile("220602", RegionKind.ChangbaiForest, 4.5, 3, 2.5, new[]
        {
            new TownSeed("白山市区", 126.42, 41.94, 30.0, true),
            new TownSeed("七道江镇", 126.27, 41.85, 1.2, false),
        }),
        new UnitProfile("220605", RegionKind.ChangbaiForest, 4.5, 3, 2.5, new[]
        {
            new TownSeed("江源城区", 126.59, 42.05, 9.0, true),
            new TownSeed("湾沟镇", 126.85, 42.13, 1.5, false),
            new TownSeed("松树镇", 126.70, 42.10, 1.2, false),
        }),
        new UnitProfile("220621", RegionKind.ChangbaiForest, 4.5, 4, 1.5, new[]
        {
            new TownSeed("抚松镇", 127.28, 42.33, 8.0, true),
            new TownSeed("松江河镇", 127.48, 42.18, 4.0, false),
            new TownSeed("泉阳镇", 127.50, 42.42, 1.5, false),
        }),
        new UnitProfile("220622", RegionKind.ChangbaiForest, 4.5, 3, 2.0, new[]
        {
            new TownSeed("靖宇镇", 126.81, 42.39, 8.0, true),
            new TownSeed("三道湖镇", 126.95, 42.55, 1.0, false),
        }),
        new UnitProfile("220623", RegionKind.ChangbaiForest, 4.5, 3, 1.5, new[]
        {
            new TownSeed("长白镇", 128.20, 41.42, 5.0, true),
            new TownSeed("八道沟镇", 127.95, 41.60, 0.8, false),
        }),
        new UnitProfile("220681", RegionKind.ChangbaiForest, 4.5, 3, 2.0, new[]
        {
            new TownSeed("临江城区", 126.92, 41.81, 10.0, true),
            new TownSeed("六道沟镇", 127.30, 41.74, 1.0, false),
        }),
    }.ToDictionary(p => p.Code, StringComparer.Ordinal);

    public static UnitProfile For(string code) =>
        ByCode.TryGetValue(code, out var profile) ? profile : throw new ArgumentException($"No profile for unit {code}.", nameof(code));
}

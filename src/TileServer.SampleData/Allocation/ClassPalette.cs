namespace TileServer.SampleData.Allocation;

using TileServer.SampleData.Geo;
using TileServer.SampleData.Landscape;

/// <summary>Weighted level-2 class mixes for each kind of land, by region.</summary>
internal static class ClassPalette
{
    private static readonly (string Code, double Weight)[] TownCore =
        [("0901", 3), ("0902", 1), ("0801", 1), ("0701", 4), ("1207", 1.2), ("1403", 0.3), ("0803", 0.4)];

    private static readonly (string Code, double Weight)[] TownMiddle =
        [("0701", 6), ("0702", 1), ("0804", 1), ("0806", 0.5), ("0805", 0.3), ("0807", 0.2), ("1401", 1), ("1207", 1.2),
         ("1301", 0.15), ("1303", 0.2), ("1304", 0.15), ("1305", 0.2), ("1306", 0.1), ("1310", 0.1), ("0904", 0.5), ("0903", 0.2)];

    private static readonly (string Code, double Weight)[] TownOuter =
        [("1001", 3), ("1101", 1.5), ("0701", 2), ("1402", 1), ("1208", 0.5), ("1309", 0.2), ("1302", 0.2), ("1102", 0.2), ("0802", 0.2)];

    public static string Town(double distanceRatio, DeterministicRandom random) =>
        Pick(distanceRatio < 0.35 ? TownCore : distanceRatio < 0.8 ? TownMiddle : TownOuter, random);

    public static string Flexible(DeterministicRandom random) => Pick([("0304", 2), ("0205", 1)], random);

    public static string Village(DeterministicRandom random) => Pick([("0703", 9), ("0704", 1)], random);

    public static string Farmland(RegionKind region, double riverDistance, DeterministicRandom random) => region switch
    {
        RegionKind.ChangbaiForest => riverDistance < 900 ? Pick([("0101", 6), ("0103", 4)], random) : "0103",
        RegionKind.YanshanHills => riverDistance < 700 ? Pick([("0102", 6), ("0103", 4)], random) : "0103",
        RegionKind.DesertSteppe => "0102",
        _ => riverDistance < 1500 ? Pick([("0102", 5), ("0101", 1), ("0103", 4)], random) : Pick([("0103", 8), ("0102", 2)], random),
    };

    public static string Grassland(DeterministicRandom random) => Pick([("0401", 7), ("0403", 2.5), ("0402", 0.5)], random);

    public static string Natural(RegionKind region, double elevation, bool grasslandAllowed, DeterministicRandom random) => region switch
    {
        RegionKind.YanshanHills => elevation < 0.4
            ? Pick([("0201", 3), ("0301", 4), ("0304", 2), ("0303", 1), ("0602", 0.3)], random)
            : Pick([("0301", 7), ("0303", 2), ("0304", 0.6), ("2307", 0.2), ("1002", 0.1), (grasslandAllowed ? "0403" : "0303", 0.5)], random),
        RegionKind.ChangbaiForest => elevation < 0.35
            ? Pick([("0301", 6), ("0501", 1), ("0304", 1), ("0602", 0.3)], random)
            : Pick([("0301", 12), ("0304", 0.6), ("0303", 0.4), ("2307", 0.1), ("1002", 0.05)], random),
        RegionKind.HorqinPlain => Pick([("0303", 3.5), ("0301", 2), ("2305", 3), ("0503", 0.5), ("2304", 0.5), ("0506", 0.3)], random),
        RegionKind.HorqinUpland => Pick([("0301", 4), ("0303", 3), ("2307", 1), ("2305", 1), ("1002", 0.3)], random),
        _ => Pick([("2304", 2.5), ("2305", 2.5), ("2306", 2.5), ("0303", 1.5), ("2307", 0.5), ("1002", 0.2)], random),
    };

    private static string Pick((string Code, double Weight)[] options, DeterministicRandom random) =>
        options[random.Weighted(options.Select(o => o.Weight).ToArray())].Code;
}

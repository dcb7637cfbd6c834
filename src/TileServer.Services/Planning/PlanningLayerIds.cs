namespace TileServer.Services.Planning;

/// <summary>The layer ids the planning computation reads, and the id of the layer it publishes.</summary>
public static class PlanningLayerIds
{
    public const string Units = "xzq";
    public const string LandUse = "ghyd";
    public const string PermanentBasicFarmland = "yjjbnt";
    public const string Redline = "stbhhx";
    public const string UrbanBoundary = "czkfbj";
    public const string UrbanLand2020 = "czjsyd2020";
    public const string Conflicts = "conflicts";

    /// <summary>The three control lines, in the order a conflict names its pair.</summary>
    public static IReadOnlyList<string> ControlLines { get; } = [PermanentBasicFarmland, Redline, UrbanBoundary];

    /// <summary>A change to any of these makes the indicators and conflicts stale.</summary>
    public static IReadOnlySet<string> Inputs { get; } =
        new HashSet<string>(StringComparer.Ordinal) { Units, LandUse, PermanentBasicFarmland, Redline, UrbanBoundary, UrbanLand2020 };
}

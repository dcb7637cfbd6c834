namespace TileServer.SampleData.Reference;

using System.Reflection;
using System.Text.Json;

/// <summary>Opens the repository input files that are embedded in this assembly, so generation never
/// depends on the working directory.</summary>
internal static class EmbeddedInputs
{
    public const string CountyBoundaries = "SampleData.county_boundaries.geojson";
    public const string PlanTargets = "SampleData.plan_targets.json";
    public const string LanduseClasses = "SampleData.landuse_classes.json";
    public const string ControlLines = "SampleData.control_lines.json";
    public const string TileGrids = "SampleData.tile_grids.json";

    public static JsonDocument OpenJson(string logicalName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"Embedded resource {logicalName} is missing from the build.");
        return JsonDocument.Parse(stream);
    }
}

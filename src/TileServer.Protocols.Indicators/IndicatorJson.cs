namespace TileServer.Protocols.Indicators;

using System.Text.Json;
using TileServer.Core.Serialization;
using TileServer.Services.Planning;

/// <summary>The JSON documents of docs/planning.md: camelCase names, readable Chinese.</summary>
public static class IndicatorJson
{
    private static readonly JsonSerializerOptions Options = new(JsonOutput.Options) { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string All(IndicatorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(new { report.AreaMethod, report.ComputedAt, report.Units, report.Conflicts }, Options);
    }

    public static string Unit(IndicatorReport report, UnitIndicators unit)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(unit);
        return JsonSerializer.Serialize(
            new
            {
                unit.Xzqdm, unit.Xzqmc, unit.Plan, unit.Approval, unit.Members, unit.MissingMembers, unit.Crs,
                report.AreaMethod, report.ComputedAt, unit.Indicators, unit.Conflicts,
            },
            Options);
    }
}

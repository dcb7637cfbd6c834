namespace TileServer.Tests.Architecture;

/// <summary>The dependency rules of DEVELOPERS.md as data: each project's layer, what it may reference,
/// and whether it may use ASP.NET. Kept separate from the test so that the rules themselves are tested.</summary>
public static class ProjectLayerRules
{
    /// <summary>Projects a project may reference directly. A project missing here is a violation too.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedReferences = new Dictionary<string, string[]>
    {
        ["TileServer.Core"] = [],
        ["TileServer.Mvt"] = [],
        ["TileServer.Rendering"] = [],
        ["TileServer.Sources.GeoPackage"] = ["TileServer.Core"],
        ["TileServer.Caching"] = ["TileServer.Core"],
        ["TileServer.Caching.Redis"] = ["TileServer.Core"],
        ["TileServer.Sources.PostGis"] = ["TileServer.Core"],
        ["TileServer.SampleData"] = ["TileServer.Core"],
        ["TileServer.Styling"] = ["TileServer.Core", "TileServer.Rendering"],
        // Protocol-neutral HTTP semantics (conditional requests, content coding, writing a tile) shared by the
        // adapters, which may not reference each other.
        ["TileServer.Http"] = ["TileServer.Core"],
        ["TileServer.Services"] = ["TileServer.Core", "TileServer.Mvt", "TileServer.Rendering", "TileServer.Styling"],
        ["TileServer.Protocols.Xyz"] = ["TileServer.Services", "TileServer.Http", "TileServer.Core", "TileServer.Mvt"],
        ["TileServer.Protocols.Wmts"] = ["TileServer.Services", "TileServer.Http", "TileServer.Core", "TileServer.Mvt", "TileServer.Rendering", "TileServer.Styling"],
        ["TileServer.Protocols.Indicators"] = ["TileServer.Services", "TileServer.Http", "TileServer.Core"],
        ["TileServer.Protocols.Wfs"] = ["TileServer.Services", "TileServer.Http", "TileServer.Core", "TileServer.Mvt", "TileServer.Rendering", "TileServer.Styling"],
        ["TileServer.Protocols.OgcApi"] = ["TileServer.Services", "TileServer.Http", "TileServer.Core", "TileServer.Mvt", "TileServer.Rendering", "TileServer.Styling"],
        ["TileServer"] = ["*"],
    };

    /// <summary>Only protocol adapters, their shared HTTP helpers and the host may use ASP.NET.</summary>
    public static bool MayUseAspNet(string project) =>
        project is "TileServer" or "TileServer.Http" || project.StartsWith("TileServer.Protocols.", StringComparison.Ordinal);

    /// <summary>Every violation of the rules in a set of (project → referenced projects, uses ASP.NET).</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyDictionary<string, (IReadOnlyList<string> References, bool UsesAspNet)> projects)
    {
        var violations = new List<string>();
        foreach (var (project, (references, usesAspNet)) in projects)
        {
            if (!AllowedReferences.TryGetValue(project, out var allowed))
            {
                violations.Add($"{project}: not placed in any layer");
                continue;
            }

            foreach (var reference in references)
            {
                if (!allowed.Contains("*") && !allowed.Contains(reference))
                {
                    violations.Add($"{project} must not reference {reference}");
                }
            }

            if (usesAspNet && !MayUseAspNet(project))
            {
                violations.Add($"{project} must not reference ASP.NET");
            }
        }

        return violations;
    }
}

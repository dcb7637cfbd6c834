namespace TileServer.Tests.Architecture;

using System.Xml.Linq;
using TileServer.Tests.Support;

/// <summary>Dependencies point one way (DEVELOPERS.md "Architecture"): checked on the project files and
/// on the compiled assemblies, so neither a csproj edit nor a transitive reference slips through.</summary>
public sealed class DependencyDirectionTests
{
    private static readonly string[] AspNetMarkers = ["Microsoft.AspNetCore"];

    [Fact]
    public void Project_files_follow_the_layer_rules()
    {
        var projects = new Dictionary<string, (IReadOnlyList<string>, bool)>();
        foreach (string csproj in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var xml = XDocument.Load(csproj);
            string name = Path.GetFileNameWithoutExtension(csproj);
            var references = xml.Descendants("ProjectReference")
                .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value)).ToList();
            bool aspNet = xml.Root!.Attribute("Sdk")!.Value.Contains("Web", StringComparison.Ordinal)
                || xml.Descendants("FrameworkReference").Any(e => e.Attribute("Include")!.Value.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
                || xml.Descendants("PackageReference").Any(e => e.Attribute("Include")!.Value.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
            projects[name] = (references, aspNet);
        }

        Assert.True(projects.Count >= 8, $"expected the src projects, found {projects.Count}");
        Assert.Empty(ProjectLayerRules.Violations(projects));
    }

    [Fact]
    public void Compiled_assemblies_follow_the_layer_rules()
    {
        var projects = new Dictionary<string, (IReadOnlyList<string>, bool)>();
        foreach (var type in new[] { typeof(Core.Tiling.WebMercator), typeof(Mvt.MvtTileWriter), typeof(Rendering.RasterCanvas), typeof(Sources.GeoPackage.GeoPackageFeatureSource),
                     typeof(Caching.MemoryTileCache), typeof(SampleData.SampleGenerator), typeof(Services.Tiles.VectorTileService),
                     typeof(TileServer.Http.TileResponseWriter), typeof(Protocols.Xyz.XyzTileEndpoints), typeof(Protocols.Wmts.WmtsEndpoints), typeof(Protocols.OgcApi.OgcApiEndpoints) })
        {
            var assembly = type.Assembly;
            var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
            projects[assembly.GetName().Name!] = (
                referenced.Where(n => n.StartsWith("TileServer", StringComparison.Ordinal)).ToList(),
                referenced.Any(n => AspNetMarkers.Any(m => n.StartsWith(m, StringComparison.Ordinal))));
        }

        Assert.Empty(ProjectLayerRules.Violations(projects));
    }

    [Fact]
    public void A_lower_project_referencing_a_higher_one_is_reported()
    {
        var projects = new Dictionary<string, (IReadOnlyList<string>, bool)>
        {
            ["TileServer.Core"] = (["TileServer.Services"], false),
            ["TileServer.Mvt"] = ([], true),
            ["TileServer.Protocols.Xyz"] = (["TileServer.Protocols.Wmts"], true),
            ["TileServer.Unplaced"] = ([], false),
            ["TileServer.Http"] = (["TileServer.Protocols.Xyz"], true),
        };

        var violations = ProjectLayerRules.Violations(projects);

        Assert.Contains("TileServer.Core must not reference TileServer.Services", violations);
        Assert.Contains("TileServer.Mvt must not reference ASP.NET", violations);
        Assert.Contains("TileServer.Protocols.Xyz must not reference TileServer.Protocols.Wmts", violations);
        Assert.Contains("TileServer.Unplaced: not placed in any layer", violations);
        Assert.Contains("TileServer.Http must not reference TileServer.Protocols.Xyz", violations);
        Assert.DoesNotContain(violations, v => v.StartsWith("TileServer.Http must not reference ASP.NET", StringComparison.Ordinal));
    }
}

namespace TileServer.SampleData.Tests;

using NetTopologySuite.Geometries;
using TileServer.Core.Features;
using TileServer.SampleData.Geo;
using TileServer.SampleData.Reference;

internal static class GeometryHelpers
{
    public static GaussKrugerProjection ProjectionOf(string unitCode) =>
        GaussKrugerProjection.ForLonLat(CountyBoundaryCatalog.Get(unitCode).LonLat);

    public static object? Field(FeatureLayerData layer, WritableFeature feature, string name) =>
        feature.Values[layer.Schema.Fields.Select(f => f.Name).ToList().IndexOf(name)];

    public static string UnitOf(FeatureLayerData layer, WritableFeature feature) => (string)Field(layer, feature, "xzqdm")!;

    public static double PlaneArea(GaussKrugerProjection projection, Geometry lonLat) => projection.ToPlane(lonLat).Area;

    /// <summary>Locates data/reference etc. in the repository for independent checks of the inputs.</summary>
    public static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, relative)))
        {
            dir = dir.Parent;
        }

        return dir is null ? throw new FileNotFoundException(relative) : Path.Combine(dir.FullName, relative);
    }
}

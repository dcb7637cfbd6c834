namespace TileServer.Tests.Support;

using TileServer.SampleData;
using TileServer.Sources.GeoPackage;

/// <summary>The small sample used by the HTTP tests (平泉市 and 二连浩特市 at a quarter of the default
/// density), generated once per test run and shared by every fixture.</summary>
public static class SharedSample
{
    public const double Density = 0.25;
    public static readonly string[] Units = ["130881", "152501"];

    private static readonly Lazy<SampleDataset> LazyDataset = new(() => SampleGenerator.Generate(new SampleOptions { Units = Units, Density = Density }));
    private static readonly Lazy<string> LazyPath = new(WriteGeoPackage);

    public static SampleDataset Dataset => LazyDataset.Value;

    /// <summary>A GeoPackage of the sample in a per-run temp folder, removed when the test process exits.</summary>
    public static string GeoPackagePath => LazyPath.Value;

    private static string WriteGeoPackage()
    {
        string path = Path.Combine(TemporaryFolders.Create("tileserver-sample-"), "sample.gpkg");
        GeoPackageWriter.Write(path, Dataset.Layers);
        return path;
    }
}

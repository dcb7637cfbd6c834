namespace TileServer.SampleData.Tests;

using TileServer.Core.Features;

/// <summary>Reduced-density subsets, cached per process so several tests share one generation.</summary>
internal static class SmallSamples
{
    private static readonly Lazy<SampleDataset> Mixed = new(() => Generate(2035));

    /// <summary>平泉 (hills, towns) and 二连浩特 (steppe) at a quarter of the default density.</summary>
    public static SampleDataset PingquanAndErenhot => Mixed.Value;

    public static SampleDataset Generate(int seed) =>
        SampleGenerator.Generate(new SampleOptions { Seed = seed, Density = 0.25, Units = ["130881", "152501"] });

    public static IEnumerable<WritableFeature> OfUnit(FeatureLayerData layer, string code) =>
        layer.Features.Where(f => (string)f.Values[layer.Schema.Fields.ToList().FindIndex(x => x.Name == "xzqdm")]! == code);
}

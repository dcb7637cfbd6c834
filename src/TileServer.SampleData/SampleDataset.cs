namespace TileServer.SampleData;

using TileServer.Core.Features;

/// <summary>The generated layers (xzq, ghyd, yjjbnt, stbhhx, czkfbj, czjsyd2020) and the report.</summary>
public sealed record SampleDataset(IReadOnlyList<FeatureLayerData> Layers, SampleReport Report)
{
    public FeatureLayerData Layer(string name) => Layers.First(l => l.Schema.Name == name);
}

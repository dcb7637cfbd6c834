namespace TileServer.SampleData.Tests;

using NetTopologySuite.IO;

public sealed class DeterminismTests
{
    [Fact]
    public void SameSeedGivesIdenticalWkbAndAttributes()
    {
        var first = SmallSamples.Generate(11);
        var second = SmallSamples.Generate(11);
        var writer = new WKBWriter();
        Assert.Equal(first.Layers.Count, second.Layers.Count);
        for (var l = 0; l < first.Layers.Count; l++)
        {
            var a = first.Layers[l];
            var b = second.Layers[l];
            Assert.Equal(a.Schema, b.Schema);
            Assert.Equal(a.Features.Count, b.Features.Count);
            Assert.NotEmpty(a.Features);
            for (var i = 0; i < a.Features.Count; i++)
            {
                Assert.Equal(writer.Write(a.Features[i].Geometry), writer.Write(b.Features[i].Geometry));
                Assert.Equal(a.Features[i].Values, b.Features[i].Values);
            }
        }
    }

    [Fact]
    public void DifferentSeedGivesDifferentParcels()
    {
        var a = SmallSamples.Generate(11).Layer("ghyd");
        var b = SmallSamples.Generate(12).Layer("ghyd");
        Assert.False(a.Features.Count == b.Features.Count
            && a.Features.Zip(b.Features).All(p => p.First.Geometry.EqualsExact(p.Second.Geometry)));
    }
}

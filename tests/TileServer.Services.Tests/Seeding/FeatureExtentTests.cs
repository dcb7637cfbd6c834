namespace TileServer.Services.Tests.Seeding;

using NetTopologySuite.Geometries;
using TileServer.Core.Features;
using TileServer.Core.Layers;
using TileServer.Services.Seeding;
using TileServer.Services.Tests.Tiles;

public sealed class FeatureExtentTests
{
    private static readonly FieldDefinition[] Fields = [new("xzqdm", FieldType.Text), new("xzqmc", FieldType.Text)];

    [Fact]
    public async Task Envelope_of_the_feature_with_the_code_only()
    {
        var factory = new GeometryFactory();
        var source = new InMemoryFeatureSource("xzq", Fields, [
            (factory.ToGeometry(new Envelope(118.0, 119.5, 40.5, 41.5)), ["130881", "平泉市"]),
            (factory.ToGeometry(new Envelope(111.3, 112.4, 42.9, 43.8)), ["152501", "二连浩特市"]),
        ]);
        var layer = new PublishedLayer(new LayerDefinition { Id = "xzq", Table = "xzq" }, source, source.Layers[0]);

        var box = await FeatureExtent.FindAsync(layer, "xzqdm", "152501", CancellationToken.None);
        var none = await FeatureExtent.FindAsync(layer, "xzqdm", "999999", CancellationToken.None);

        Assert.Equal((111.3, 42.9, 112.4, 43.8), (box.MinX, box.MinY, box.MaxX, box.MaxY));
        Assert.True(none.IsEmpty);
    }
}

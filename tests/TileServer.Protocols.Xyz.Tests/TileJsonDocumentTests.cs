namespace TileServer.Protocols.Xyz.Tests;

using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Protocols.Xyz;

public sealed class TileJsonDocumentTests
{
    private sealed class CatalogOnlySource(BoundingBox extent) : IFeatureSource
    {
        public string Id => "s";

        public IReadOnlyList<SourceLayerInfo> Layers { get; } =
            [new SourceLayerInfo("t", "geom", GeometryKind.Polygon, 4490, extent, [new FieldDefinition("code", FieldType.Text), new FieldDefinition("area", FieldType.Real)], 1)];

        public IAsyncEnumerable<FeatureRecord> QueryAsync(FeatureQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static PublishedLayer Layer(string id, BoundingBox extent, int minZoom, int maxZoom, params string[] attributes)
    {
        var source = new CatalogOnlySource(extent);
        return new PublishedLayer(new LayerDefinition { Id = id, Source = "s", Table = "t", TitleZh = "图层", TitleEn = "Layer", MinZoom = minZoom, MaxZoom = maxZoom, Attributes = attributes }, source, source.Layers[0]);
    }

    [Fact]
    public void Composite_document_unions_bounds_and_zooms()
    {
        var a = Layer("a", new BoundingBox(118.3, 40.7, 119.3, 41.4), 6, 14, "code");
        var b = Layer("b", new BoundingBox(111.5, 43.3, 112.5, 44.0), 10, 16);
        var json = TileJsonDocument.Build([a, b], "https://maps.example", new XyzOptions { Attribution = "test" });

        Assert.Equal("https://maps.example/tiles/a,b/{z}/{x}/{y}.mvt", json["tiles"]![0]!.GetValue<string>());
        Assert.Equal(6, json["minzoom"]!.GetValue<int>());
        Assert.Equal(16, json["maxzoom"]!.GetValue<int>());
        Assert.Equal([111.5, 40.7, 119.3, 44.0], json["bounds"]!.AsArray().Select(n => n!.GetValue<double>()));
        Assert.Equal(115.4, json["center"]![0]!.GetValue<double>(), 9);
        Assert.InRange(json["center"]![2]!.GetValue<int>(), 6, 16);
        var fieldsA = json["vector_layers"]![0]!["fields"]!.AsObject();
        Assert.Equal(["code"], fieldsA.Select(p => p.Key));
        var fieldsB = json["vector_layers"]![1]!["fields"]!.AsObject();
        Assert.Equal("Number", fieldsB["area"]!.GetValue<string>());
    }
}

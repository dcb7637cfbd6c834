namespace TileServer.Protocols.OgcApi.Tests.Support;

using NetTopologySuite.Geometries;
using TileServer.Core.Features;
using TileServer.Core.Layers;
using TileServer.Services.Features;
using TileServer.Services.Layers;
using TileServer.Services.Tests.Tiles;

/// <summary>Five 用地用海 squares near 平泉市 in an in-memory source, behind a FeatureService.</summary>
internal static class SampleCatalog
{
    private static readonly GeometryFactory Factory = new();

    public static readonly FieldDefinition[] Fields = [new("bsm", FieldType.Text, "标识码"), new("ydyhflmc", FieldType.Text, "用地用海分类名称"), new("mj", FieldType.Real, "面积")];

    public static (FeatureService Service, InMemoryFeatureSource Source) Create()
    {
        var rows = Enumerable.Range(0, 5)
            .Select(i => ((Geometry)Square(118.70 + (0.02 * i), 40.90, 0.01), new object?[] { (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), i == 0 ? "<旱地&>" : "乔木林地", 100.0 * (i + 1) }))
            .ToList();
        var source = new InMemoryFeatureSource("ghyd", Fields, rows);
        var layer = new LayerDefinition { Id = "ghyd", Source = "memory", Table = "ghyd", TitleZh = "规划用地", TitleEn = "Planned land use", IdField = "bsm", Attributes = ["bsm", "ydyhflmc", "mj"] };
        return (new FeatureService(new LayerCatalog([layer], [source])), source);
    }

    private static Polygon Square(double lon, double lat, double size) => Factory.CreatePolygon([
        new(lon, lat), new(lon + size, lat), new(lon + size, lat + size), new(lon, lat + size), new(lon, lat)]);
}

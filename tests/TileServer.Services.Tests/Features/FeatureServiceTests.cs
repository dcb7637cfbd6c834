namespace TileServer.Services.Tests.Features;

using NetTopologySuite.Geometries;
using TileServer.Core.Crs;
using TileServer.Core.Errors;
using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Services.Features;
using TileServer.Services.Layers;
using TileServer.Services.Tests.Tiles;

public sealed class FeatureServiceTests
{
    private static readonly GeometryFactory Factory = new();
    private static readonly FieldDefinition[] Fields = [new("bsm", FieldType.Text), new("ydyhflmc", FieldType.Text), new("mj", FieldType.Real), new("secret", FieldType.Text)];

    private static Polygon Square(double lon, double lat, double size) => Factory.CreatePolygon([
        new(lon, lat), new(lon + size, lat), new(lon + size, lat + size), new(lon, lat + size), new(lon, lat)]);

    private static (FeatureService Service, InMemoryFeatureSource Source) Create()
    {
        var source = new InMemoryFeatureSource("ghyd", Fields, [
            (Square(118.70, 40.90, 0.01), ["1", "旱地", 1200.5, "x"]),
            (Square(118.72, 40.90, 0.01), ["2", "城镇住宅用地", 80.0, "y"]),
            (Square(118.74, 40.90, 0.01), ["3", "乔木林地", 90000.0, "z"]),
        ]);
        var layer = new LayerDefinition { Id = "ghyd", Source = "memory", Table = "ghyd", IdField = "bsm", Attributes = ["bsm", "ydyhflmc", "mj"] };
        return (new FeatureService(new LayerCatalog([layer], [source])), source);
    }

    [Fact]
    public async Task Streams_the_exposed_properties_of_the_requested_page()
    {
        var (service, _) = Create();

        var page = await service.QueryAsync(new FeatureRequest { LayerId = "ghyd", Offset = 1, Limit = 1 }, CancellationToken.None).ToListAsync();

        var feature = Assert.Single(page);
        Assert.Equal(2, feature.Fid);
        Assert.Equal(["bsm", "ydyhflmc", "mj"], feature.Fields.Select(f => f.Name));
        Assert.Equal(["2", "城镇住宅用地", 80.0], feature.Values);
        Assert.Equal(3, await service.CountAsync(new FeatureRequest { LayerId = "ghyd", Offset = 1, Limit = 1 }, CancellationToken.None));
    }

    [Fact]
    public async Task Passes_filter_and_sort_to_the_source_and_projects_properties()
    {
        var (service, source) = Create();
        var filter = new ComparisonFilter("ydyhflmc", ComparisonOperator.Equal, FilterValue.OfText("旱地"));
        var request = new FeatureRequest { LayerId = "ghyd", Filter = filter, SortBy = [new SortKey("mj", Descending: true)], Properties = ["mj"] };

        var features = await service.QueryAsync(request, CancellationToken.None).ToListAsync();

        Assert.All(features, f => Assert.Equal(["mj"], f.Fields.Select(d => d.Name)));
        Assert.Same(filter, source.LastQuery!.Filter);
        Assert.Equal([new SortKey("mj", true)], source.LastQuery.SortBy);
        Assert.Equal(["mj"], source.LastQuery.Fields);
    }

    [Theory]
    [InlineData("properties")]
    [InlineData("sortBy")]
    [InlineData("filter")]
    public async Task Fields_the_layer_does_not_expose_are_the_clients_error(string where)
    {
        var (service, _) = Create();
        var request = where switch
        {
            "properties" => new FeatureRequest { LayerId = "ghyd", Properties = ["secret"] },
            "sortBy" => new FeatureRequest { LayerId = "ghyd", SortBy = [new SortKey("secret")] },
            _ => new FeatureRequest { LayerId = "ghyd", Filter = new NotFilter(new NullFilter("secret")) },
        };

        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => service.QueryAsync(request, CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(where, error.Parameter);
        Assert.Contains("secret", error.Message);
    }

    [Fact]
    public async Task Literals_of_another_type_than_the_field_and_unknown_layers_are_rejected()
    {
        var (service, _) = Create();
        var wrongType = new FeatureRequest { LayerId = "ghyd", Filter = new ComparisonFilter("mj", ComparisonOperator.Greater, FilterValue.OfText("big")) };

        await Assert.ThrowsAsync<InvalidParameterException>(() => service.CountAsync(wrongType, CancellationToken.None));
        Assert.Equal("nope", (await Assert.ThrowsAsync<UnknownLayerException>(() => service.CountAsync(new FeatureRequest { LayerId = "nope" }, CancellationToken.None))).LayerId);
    }

    [Fact]
    public async Task Geometries_come_back_in_the_output_crs()
    {
        var (service, _) = Create();
        var gaussKruger = CrsRegistry.FindEpsg(4549)!;

        var first = (await service.QueryAsync(new FeatureRequest { LayerId = "ghyd", Limit = 1, OutputCrs = gaussKruger }, CancellationToken.None).ToListAsync())[0];

        var (x, y) = CrsTransformer.FromStorage(gaussKruger).Transform(118.70, 40.90);
        Assert.Contains(first.Geometry.Coordinates, c => Math.Abs(c.X - x) < 1e-6 && Math.Abs(c.Y - y) < 1e-6);
        Assert.InRange(x, 300_000, 500_000); // west of the 120°E central meridian
    }

    [Fact]
    public async Task Bounds_limit_the_features_to_a_box()
    {
        var (service, _) = Create();

        var inBox = await service.QueryAsync(new FeatureRequest { LayerId = "ghyd", Bounds = new BoundingBox(118.715, 40.89, 118.725, 40.95) }, CancellationToken.None).ToListAsync();

        Assert.Equal([2L], inBox.Select(f => f.Fid));
    }
}

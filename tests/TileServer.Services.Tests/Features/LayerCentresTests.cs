namespace TileServer.Services.Tests.Features;

using TileServer.Core.Layers;
using TileServer.Services.Features;
using TileServer.Services.Layers;
using TileServer.Sources.GeoPackage;
using TileServer.Tests.Shared.FeatureQueries;

/// <summary>A layer's centre for clients' initial views is a point inside its first feature (lowest row id); it is
/// looked up once per layer, and no layers give no centre.</summary>
public sealed class LayerCentresTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("tileserver-layercentres-");
    private readonly GeoPackageFeatureSource source;
    private readonly LayerCatalog catalog;

    public LayerCentresTests()
    {
        var path = Path.Combine(directory.FullName, "centres.gpkg");
        GeoPackageWriter.Write(path, [QueryDataset.Layer("query_dataset")]);
        source = new GeoPackageFeatureSource("gpkg", path);
        catalog = new LayerCatalog([new LayerDefinition { Id = "q", Source = "gpkg", Table = "query_dataset", Attributes = ["mc"] }], [source]);
    }

    public void Dispose()
    {
        source.Dispose();
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task The_centre_is_inside_the_layers_first_feature()
    {
        var centres = new LayerCentres(new FeatureService(catalog));
        var q = catalog.Layers.Single(l => l.Id == "q");

        var centre = await centres.FirstWithDataAsync([q], CancellationToken.None);

        Assert.NotNull(centre);
        Assert.Same(q, centre.Value.Layer);
        var first = QueryDataset.Rows.OrderBy(r => r.Fid).First();
        Assert.True(first.Geometry.Contains(first.Geometry.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(centre.Value.Longitude, centre.Value.Latitude))));
        Assert.Equal(centre, await centres.FirstWithDataAsync([q], CancellationToken.None));
        Assert.Null(await centres.FirstWithDataAsync([], CancellationToken.None));
    }
}

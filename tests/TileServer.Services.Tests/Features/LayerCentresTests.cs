namespace TileServer.Services.Tests.Features;

using TileServer.Core.Features;
using TileServer.Core.Layers;
using TileServer.Services.Features;
using TileServer.Services.Layers;
using TileServer.Sources.GeoPackage;
using TileServer.Tests.Shared.FeatureQueries;

/// <summary>A layer's centre for clients' initial views is a point inside its first feature (lowest row id); it is
/// looked up once per layer and again after the layer's data changes, and a failing source gives no centre without
/// being remembered.</summary>
public sealed class LayerCentresTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("tileserver-layercentres-");
    private readonly GeoPackageFeatureSource geoPackage;
    private readonly CountingSource source;
    private readonly LayerCatalog catalog;

    public LayerCentresTests()
    {
        var path = Path.Combine(directory.FullName, "centres.gpkg");
        GeoPackageWriter.Write(path, [QueryDataset.Layer("query_dataset")]);
        geoPackage = new GeoPackageFeatureSource("gpkg", path);
        source = new CountingSource(geoPackage);
        catalog = new LayerCatalog([new LayerDefinition { Id = "q", Source = "gpkg", Table = "query_dataset", Attributes = ["mc"] }], [source]);
    }

    public void Dispose()
    {
        geoPackage.Dispose();
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task The_centre_is_inside_the_layers_first_feature_and_looked_up_once_until_the_data_changes()
    {
        var changes = new LayerChangeHub();
        using var centres = new LayerCentres(new FeatureService(catalog), changes);
        var q = catalog.Layers.Single(l => l.Id == "q");

        var centre = await centres.FirstWithDataAsync([q], CancellationToken.None);

        Assert.NotNull(centre);
        Assert.Same(q, centre.Value.Layer);
        var first = QueryDataset.Rows.OrderBy(r => r.Fid).First();
        Assert.True(first.Geometry.Contains(first.Geometry.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(centre.Value.Longitude, centre.Value.Latitude))));
        Assert.Equal(centre, await centres.FirstWithDataAsync([q], CancellationToken.None));
        Assert.Equal(1, source.Queries);

        await changes.PublishAsync([LayerDataChange.Whole("q")], CancellationToken.None);
        Assert.Equal(centre, await centres.FirstWithDataAsync([q], CancellationToken.None));
        Assert.Equal(2, source.Queries);
        Assert.Null(await centres.FirstWithDataAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task A_failing_source_gives_no_centre_and_is_asked_again()
    {
        using var centres = new LayerCentres(new FeatureService(catalog));
        var q = catalog.Layers.Single(l => l.Id == "q");
        source.FailNext = true;

        Assert.Null(await centres.FirstWithDataAsync([q], CancellationToken.None));
        Assert.NotNull(await centres.FirstWithDataAsync([q], CancellationToken.None));
        Assert.Equal(2, source.Queries);
    }

    /// <summary>The GeoPackage source, counting queries and failing one on request.</summary>
    private sealed class CountingSource(IFeatureSource inner) : IFeatureSource
    {
        public int Queries { get; private set; }

        public bool FailNext { get; set; }

        public string Id => inner.Id;

        public IReadOnlyList<SourceLayerInfo> Layers => inner.Layers;

        public IAsyncEnumerable<FeatureRecord> QueryAsync(FeatureQuery query, CancellationToken cancellationToken)
        {
            Queries++;
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("the source failed");
            }

            return inner.QueryAsync(query, cancellationToken);
        }

        public Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken) => inner.CountAsync(query, cancellationToken);
    }
}

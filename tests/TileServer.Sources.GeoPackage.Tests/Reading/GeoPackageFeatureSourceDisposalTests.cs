namespace TileServer.Sources.GeoPackage.Tests.Reading;

using TileServer.Core.Features;
using TileServer.Sources.GeoPackage.Tests.Support;

/// <summary>Disposing a source releases its pooled handles without disturbing other sources.</summary>
public sealed class GeoPackageFeatureSourceDisposalTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly string path;

    public GeoPackageFeatureSourceDisposalTests()
    {
        path = directory.File("dispose.gpkg");
        GeoPackageWriter.Write(path, [SampleLayers.Parcels(10)]);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task A_disposed_source_refuses_queries_and_may_be_disposed_again()
    {
        var source = new GeoPackageFeatureSource("p", path);
        Assert.Equal(10, (await source.ToListAsync(new FeatureQuery("parcels", null, []))).Count);

        source.Dispose();
        source.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => source.ToListAsync(new FeatureQuery("parcels", null, [])));
    }

    [Fact]
    public async Task Disposing_one_source_leaves_another_on_the_same_file_working()
    {
        using var survivor = new GeoPackageFeatureSource("a", path);
        await using var enumerator = survivor.QueryAsync(new FeatureQuery("parcels", null, []), CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());

        // The query in flight keeps its connection even though the pool is cleared under it.
        new GeoPackageFeatureSource("b", path).Dispose();

        var remaining = 1;
        while (await enumerator.MoveNextAsync())
            remaining++;
        Assert.Equal(10, remaining);
        Assert.Equal(10, (await survivor.ToListAsync(new FeatureQuery("parcels", null, []))).Count);
    }

    [Fact]
    public async Task The_file_can_be_rewritten_after_dispose_and_a_new_source_sees_the_new_content()
    {
        using (var first = new GeoPackageFeatureSource("p", path))
            Assert.Equal(10, (await first.ToListAsync(new FeatureQuery("parcels", null, []))).Count);

        GeoPackageWriter.Write(path, [SampleLayers.Parcels(4)]);

        using var second = new GeoPackageFeatureSource("p", path);
        Assert.Equal(4, (await second.ToListAsync(new FeatureQuery("parcels", null, []))).Count);
    }
}

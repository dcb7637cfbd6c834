namespace TileServer.Sources.GeoPackage.Tests.Reading;

using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Tests.Support;

public sealed class ConcurrencyAndCancellationTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly GeoPackageFeatureSource source;

    public ConcurrencyAndCancellationTests()
    {
        var path = directory.File("shared.gpkg");
        GeoPackageWriter.Write(path, [SampleLayers.Parcels(3_000, verticesPerRing: 8), SampleLayers.Roads(500)]);
        source = new GeoPackageFeatureSource("shared", path);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Concurrent_queries_from_several_tasks_each_get_their_own_correct_answer()
    {
        var queries = Enumerable.Range(0, 16).Select(i => i % 3 == 0
            ? new FeatureQuery("roads", null, ["name"])
            : new FeatureQuery("parcels", new BoundingBox(100 + i, 20 + i, 104 + i, 24 + i), ["bsm", "dlbm"])).ToList();
        var expected = new List<string>();
        foreach (var query in queries)
            expected.Add(Fingerprint(await source.ToListAsync(query)));

        var concurrent = await Task.WhenAll(queries.Select(q => Task.Run(async () => Fingerprint(await source.ToListAsync(q)))));

        Assert.Equal(expected, concurrent);
        Assert.All(expected, e => Assert.NotEqual(string.Empty, e));
    }

    [Fact]
    public async Task Cancelling_mid_stream_stops_the_query()
    {
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in source.QueryAsync(new FeatureQuery("parcels", null, []), cancellation.Token))
            {
                if (++read == 10)
                    cancellation.Cancel();
            }
        });

        Assert.Equal(10, read);
        // The interrupted connection went back to the pool; later queries must still run to the end.
        Assert.Equal(3_000, (await source.ToListAsync(new FeatureQuery("parcels", null, []))).Count);
    }

    [Fact]
    public async Task An_already_cancelled_token_reads_nothing()
    {
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in source.QueryAsync(new FeatureQuery("parcels", null, []), new CancellationToken(canceled: true)))
                read++;
        });

        Assert.Equal(0, read);
    }

    private static string Fingerprint(List<FeatureRecord> records) => string.Join(";", records
        .OrderBy(r => r.Fid)
        .Select(r => $"{r.Fid}:{r.Wkb.Length}:{string.Join(",", r.Values)}"));
}

namespace TileServer.Sources.GeoPackage.Tests.Reading;

using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Tests.Support;

/// <summary>Bounded queries return exactly the features whose envelopes intersect the box.</summary>
public sealed class RTreeQueryTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly FeatureLayerData parcels = SampleLayers.Parcels(2_000, verticesPerRing: 12, seed: 42);
    private readonly string path;

    public RTreeQueryTests()
    {
        path = directory.File("rtree.gpkg");
        GeoPackageWriter.Write(path, [parcels]);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Random_boxes_return_the_brute_force_set_of_intersecting_envelopes()
    {
        var source = new GeoPackageFeatureSource("p", path);
        var random = new Random(7);
        var nonEmptyResults = 0;
        for (var i = 0; i < 60; i++)
        {
            var box = RandomBox(random);

            var fids = (await source.ToListAsync(new FeatureQuery("parcels", box, []))).Select(r => r.Fid).Order().ToList();

            Assert.Equal(BruteForce(box), fids);
            nonEmptyResults += fids.Count > 0 ? 1 : 0;
        }

        Assert.True(nonEmptyResults > 20, "the random boxes should mostly hit features");
    }

    [Fact]
    public async Task A_box_touching_an_envelope_edge_exactly_includes_that_feature()
    {
        var source = new GeoPackageFeatureSource("p", path);
        var e = parcels.Features[99].Geometry.EnvelopeInternal;
        var touching = new BoundingBox(e.MaxX, e.MaxY, e.MaxX + 1e-9, e.MaxY + 1e-9);

        var fids = (await source.ToListAsync(new FeatureQuery("parcels", touching, []))).Select(r => r.Fid).ToList();

        Assert.Contains(100L, fids);
        Assert.Equal(BruteForce(touching), fids.Order());
    }

    [Fact]
    public async Task Without_an_rtree_the_bounded_scan_gives_the_same_answer()
    {
        using (var connection = Sql.Open(path, writable: true))
        {
            // Triggers reference the index table, so they go with it.
            foreach (var trigger in Sql.Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
                Sql.Execute(connection, $"DROP TRIGGER \"{trigger[0]}\"");
            Sql.Execute(connection, "DROP TABLE rtree_parcels_geom");
        }

        var source = new GeoPackageFeatureSource("p", path);
        var random = new Random(11);
        for (var i = 0; i < 20; i++)
        {
            var box = RandomBox(random);
            var fids = (await source.ToListAsync(new FeatureQuery("parcels", box, []))).Select(r => r.Fid).ToList();
            Assert.Equal(BruteForce(box), fids); // the scan runs in fid order
        }
    }

    [Fact]
    public async Task Renderer_options_give_the_same_rows_and_values_plus_only_index_box_neighbours()
    {
        var source = new GeoPackageFeatureSource("p", path);
        var random = new Random(23);
        string[] fields = ["dlbm", "bsm", "mj"];
        for (var i = 0; i < 30; i++)
        {
            var box = RandomBox(random);
            var exact = await source.ToListAsync(new FeatureQuery("parcels", box, fields));

            // Records with reused buffers are read as the renderer reads them: before the next one comes.
            var streamed = new List<(long Fid, byte[] Wkb, object?[] Values)>();
            var query = new FeatureQuery("parcels", box, fields) { ReusableRecords = true, IndexBoundsSuffice = true };
            await foreach (var record in source.QueryAsync(query, CancellationToken.None))
                streamed.Add((record.Fid, record.Wkb.ToArray(), [.. record.Values]));

            var byFid = streamed.ToDictionary(r => r.Fid);
            foreach (var record in exact)
            {
                Assert.True(byFid.TryGetValue(record.Fid, out var twin), $"fid {record.Fid} missing");
                Assert.Equal(record.Wkb.ToArray(), twin.Wkb);
                Assert.Equal(record.Values, twin.Values);
            }

            // Extra rows are those whose float32 index box meets the query box: within a float step of it.
            foreach (var extra in streamed.Where(r => exact.All(e => e.Fid != r.Fid)))
            {
                var e = parcels.Features[(int)extra.Fid - 1].Geometry.EnvelopeInternal;
                var grown = new BoundingBox(
                    MathF.BitDecrement((float)e.MinX), MathF.BitDecrement((float)e.MinY),
                    MathF.BitIncrement((float)e.MaxX), MathF.BitIncrement((float)e.MaxY));
                Assert.True(grown.Intersects(box), $"fid {extra.Fid} is not a neighbour of the box");
            }
        }
    }

    private static BoundingBox RandomBox(Random random)
    {
        var x = 100 + random.NextDouble() * 20;
        var y = 20 + random.NextDouble() * 20;
        var size = random.NextDouble() * 2;
        return new BoundingBox(x, y, x + size, y + size * random.NextDouble() * 2);
    }

    private List<long> BruteForce(BoundingBox box) => parcels.Features
        .Select((f, i) => (Fid: i + 1L, E: f.Geometry.EnvelopeInternal))
        .Where(x => new BoundingBox(x.E.MinX, x.E.MinY, x.E.MaxX, x.E.MaxY).Intersects(box))
        .Select(x => x.Fid)
        .ToList();
}

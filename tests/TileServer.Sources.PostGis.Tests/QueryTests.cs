namespace TileServer.Sources.PostGis.Tests;

using System.Diagnostics;
using NetTopologySuite.IO;
using TileServer.Core.Features;
using TileServer.Core.Geometry;

[Collection(PostGisCollection.Name)]
public sealed class QueryTests(PostGisDatabaseFixture database)
{
    [Fact]
    public async Task Bbox_queries_equal_a_brute_force_envelope_intersection()
    {
        var parcels = await PostGisLayerSetup.ImportParcelsAsync(database, 900);
        var key = $"{database.Schema}.{parcels}";
        using var source = new PostGisFeatureSource("db", PostGisLayerSetup.Options(database));
        var random = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var x = 118.59 + random.NextDouble() * 0.07;
            var y = 40.89 + random.NextDouble() * 0.07;
            var box = new BoundingBox(x, y, x + random.NextDouble() * 0.02, y + random.NextDouble() * 0.02);
            var expected = await database.LongsAsync(FormattableString.Invariant(
                $"SELECT fid FROM {key} WHERE ST_Intersects(ST_Envelope(geom), ST_MakeEnvelope({box.MinX:R}, {box.MinY:R}, {box.MaxX:R}, {box.MaxY:R}, 4490)) ORDER BY fid"));
            var actual = new List<long>();
            await foreach (var record in source.QueryAsync(new FeatureQuery(key, box, ["bsm", "mj", "xh"]), CancellationToken.None))
            {
                actual.Add(record.Fid);
                var geometry = new WKBReader().Read(record.Wkb.ToArray());
                Assert.True(box.Intersects(new BoundingBox(geometry.EnvelopeInternal.MinX, geometry.EnvelopeInternal.MinY, geometry.EnvelopeInternal.MaxX, geometry.EnvelopeInternal.MaxY)));
                Assert.Equal((record.Fid - 1 + 1_308_810_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture), record.Values[0]);
                Assert.IsType<double>(record.Values[1]);
                Assert.Equal(record.Fid - 1, record.Values[2]);
            }

            actual.Sort();
            Assert.Equal(expected, actual);
        }

        var all = await source.QueryAsync(new FeatureQuery(key, null, [], Limit: 5), CancellationToken.None).ToListAsync();
        Assert.Equal([1L, 2, 3, 4, 5], all.Select(r => r.Fid));
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_the_server_side_query()
    {
        var s = database.Schema;
        var table = PostGisDatabaseFixture.NewTableName("slow");
        // Empty while the source catalogues it (so discovery is fast); each row then sleeps 60 s.
        await database.ExecuteAsync($"""
            CREATE TABLE {s}.{table} (id int PRIMARY KEY, geom geometry(Polygon, 4490));
            CREATE VIEW {s}.{table}_v AS SELECT id, geom FROM {s}.{table} WHERE length(pg_sleep(60)::text) >= 0;
            """);
        try
        {
            await CancelSlowQueryAsync(s, table);
        }
        finally
        {
            // Later sources discover the whole schema: the sleeping view must not outlive this test.
            await database.ExecuteAsync($"DROP VIEW {s}.{table}_v; DROP TABLE {s}.{table}");
        }
    }

    private async Task CancelSlowQueryAsync(string s, string table)
    {
        using var source = new PostGisFeatureSource("db", PostGisLayerSetup.Options(database));
        await database.ExecuteAsync($"INSERT INTO {s}.{table} VALUES (1, ST_MakeEnvelope(118, 41, 118.1, 41.1, 4490))");
        await CancelAsync(table, token => source.QueryAsync(new FeatureQuery($"{s}.{table}_v", new BoundingBox(117, 40, 119, 42), []), token).ToListAsync().AsTask());
        // The database-made tile path (one ST_AsMVT statement) must be cancellable too.
        await CancelAsync(table, token => source.GetMvtTileAsync([new Core.Features.MvtLayerRequest("slow", $"{s}.{table}_v", [], null)],
            Core.Tiling.WebMercator.TileAt(118.05, 41.05, 12), new MvtTileSettings(4096, 64, 0.25, 0.25), token));
    }

    private async Task CancelAsync(string table, Func<CancellationToken, Task> start)
    {
        using var cancellation = new CancellationTokenSource();
        var query = start(cancellation.Token);
        var activity = $"SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%{table}_v%' AND pid <> pg_backend_pid()";
        Assert.True(await WaitUntilAsync(async () => await database.ScalarAsync<long>(activity) == 1, TimeSpan.FromSeconds(10)), "the slow query never started");

        var clock = Stopwatch.StartNew();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancellation took {clock.Elapsed}");
        Assert.True(await WaitUntilAsync(async () => await database.ScalarAsync<long>(activity) == 0, TimeSpan.FromSeconds(5)),
            "the backend is still running the cancelled query");
    }

    [Fact]
    public async Task Unknown_tables_and_fields_are_argument_errors()
    {
        var parcels = await PostGisLayerSetup.ImportParcelsAsync(database, 5);
        using var source = new PostGisFeatureSource("db", PostGisLayerSetup.Options(database));
        await Assert.ThrowsAsync<ArgumentException>(() => source.QueryAsync(new FeatureQuery("nope", null, []), CancellationToken.None).ToListAsync().AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => source.QueryAsync(
            new FeatureQuery($"{database.Schema}.{parcels}", null, ["bsm\"; DROP TABLE x; --"]), CancellationToken.None).ToListAsync().AsTask());
    }

    internal static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await condition())
                return true;
            await Task.Delay(100);
        }

        return false;
    }
}

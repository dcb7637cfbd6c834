namespace TileServer.Sources.GeoPackage.Tests.Reading;

using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Tests.Support;

/// <summary>A renderer's scan (reusable records) reads text through the box scan's own column calls and shares
/// one string per distinct text: its values must equal those of a plain query and of a refined one (read through
/// SqliteDataReader) row for row, whatever the storage class, and repeated texts must be one instance.</summary>
public sealed class ReusableRecordTextTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly string path;

    public ReusableRecordTextTests()
    {
        path = directory.File("texts.gpkg");
        GeoPackageWriter.Write(path, [SampleLayers.Parcels(80)]);
        using var connection = Sql.Open(path, writable: true);
        GeoPackageSqlFunctions.Register(connection);
        string[] changes =
        [
            "dlbm = 1207 WHERE fid = 2",
            "dlbm = 2.5 WHERE fid = 3",
            "dlbm = x'0102' WHERE fid = 4",
            "dlbm = CAST(x'41FF42C3' AS TEXT) WHERE fid = 5",
            "dlbm = CAST(x'4100425A' AS TEXT) WHERE fid = 6", // an embedded NUL
            "dlbm = '' WHERE fid = 7",
            "bsm = '123' WHERE fid = 8",
            "mj = '1.5e3' WHERE fid = 9",
        ];
        foreach (var change in changes)
            Sql.Execute(connection, "UPDATE parcels SET " + change);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reused_records_carry_the_values_of_a_plain_and_a_refined_query(bool withBounds)
    {
        using var source = new GeoPackageFeatureSource("texts", path);
        var fields = SampleLayers.ParcelFields.Select(f => f.Name).ToList();
        BoundingBox? bounds = withBounds ? new BoundingBox(-180, -90, 180, 90) : null;
        var plain = (await source.ToListAsync(new FeatureQuery("parcels", bounds, fields))).ToDictionary(r => r.Fid, r => r.Values);
        var refined = (await source.ToListAsync(new FeatureQuery("parcels", bounds, fields, Limit: 1000))).ToDictionary(r => r.Fid, r => r.Values);

        var reused = new Dictionary<long, object?[]>();
        var query = new FeatureQuery("parcels", bounds, fields) { ReusableRecords = true, IndexBoundsSuffice = true };
        await foreach (var record in source.QueryAsync(query, CancellationToken.None))
            reused[record.Fid] = [.. record.Values];

        Assert.Equal(80, plain.Count);
        Assert.Equal(plain.Keys.Order(), reused.Keys.Order());
        foreach (var (fid, values) in plain)
        {
            Assert.Equal(values, reused[fid]);
            Assert.Equal(refined[fid], reused[fid]);
        }

        Assert.Equal(["1207", "2.5", null], Enumerable.Range(2, 3).Select(fid => reused[fid][0]));
        Assert.Equal("A\0BZ", reused[6][0]); // an embedded NUL is kept, as SqliteDataReader keeps it
        Assert.Equal(123L, reused[8][1]);
        Assert.Equal(1500.0, reused[9][2]);
    }

    [Fact]
    public async Task Repeated_texts_are_one_string_within_and_across_scans()
    {
        using var source = new GeoPackageFeatureSource("texts", path);
        var query = new FeatureQuery("parcels", new BoundingBox(-180, -90, 180, 90), ["dlbm"]) { ReusableRecords = true, IndexBoundsSuffice = true };

        async Task<Dictionary<long, string?>> ScanAsync()
        {
            var texts = new Dictionary<long, string?>();
            await foreach (var record in source.QueryAsync(query, CancellationToken.None))
                texts[record.Fid] = (string?)record.Values[0];
            return texts;
        }

        var first = await ScanAsync();
        var second = await ScanAsync();

        // The sample repeats 地类0000 … 地类0012 (i % 13): fids 12 and 25 hold the same code.
        Assert.Equal("地类0011", first[12]);
        Assert.Same(first[12], first[25]);
        Assert.Same(first[12], second[12]);
        Assert.NotSame(first[12], first[13]);
    }

    public void Dispose() => directory.Dispose();
}

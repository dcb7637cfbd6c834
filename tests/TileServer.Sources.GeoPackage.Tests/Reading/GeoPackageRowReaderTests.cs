namespace TileServer.Sources.GeoPackage.Tests.Reading;

using System.Text;
using TileServer.Core.Features;
using TileServer.Sources.GeoPackage.Tests.Support;

/// <summary>The bulk-copy row reader must yield exactly what a query yields, row for row: same order, same WKB,
/// same values after the same type conversions, and the same rows skipped.</summary>
public sealed class GeoPackageRowReaderTests : IDisposable
{
    // GeoPackage binary header (GeoPackage 1.3 §2.1.3): "GP", version 0, flags 0x11 = little-endian, no envelope,
    // empty geometry; SRS id 4490; then an empty polygon's WKB.
    private const string EmptyPolygonBlob = "x'475000118A110000010300000000000000'";

    private readonly TemporaryDirectory directory = new();
    private readonly string path;

    public GeoPackageRowReaderTests()
    {
        path = directory.File("rows.gpkg");
        GeoPackageWriter.Write(path, [SampleLayers.Parcels(60)]);
        using var connection = Sql.Open(path, writable: true);
        GeoPackageSqlFunctions.Register(connection);
        // Values whose storage class is not the column's declared type (SQLite stores what it is given), text that
        // is not UTF-8, and rows that queries skip: a NULL and an empty geometry.
        string[] changes =
        [
            "bsm = '123' WHERE fid = 2",
            "bsm = 'not a number' WHERE fid = 3",
            "bsm = 4.75 WHERE fid = 4",
            "mj = 12 WHERE fid = 5",
            "mj = '1.5e3' WHERE fid = 6",
            "dlbm = 1207 WHERE fid = 7",
            "dlbm = 2.5 WHERE fid = 8",
            "dlbm = x'0102' WHERE fid = 9",
            "dlbm = CAST(x'41FF42C3' AS TEXT) WHERE fid = 10",
            "dlbm = '' WHERE fid = 11",
            "dlbm = '永久基本农田' WHERE fid = 12",
            "geom = NULL WHERE fid = 13",
            $"geom = {EmptyPolygonBlob} WHERE fid = 14",
        ];
        foreach (var change in changes)
            Sql.Execute(connection, "UPDATE parcels SET " + change);
    }

    [Fact]
    public async Task Every_row_matches_the_query_in_order_wkb_and_converted_values()
    {
        using var source = new GeoPackageFeatureSource("rows", path);
        var fields = SampleLayers.ParcelFields.Select(f => f.Name).ToList();
        var expected = await source.ToListAsync(new FeatureQuery("parcels", null, fields));

        var actual = new List<(byte[] Wkb, object?[] Values)>();
        using (var reader = source.OpenRowReader("parcels", fields))
        {
            while (reader.Read())
                actual.Add((reader.Wkb.ToArray(), Values(reader)));
        }

        Assert.Equal(58, expected.Count); // 60 rows less the NULL and the empty geometry
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Wkb.ToArray(), actual[i].Wkb);
            Assert.Equal(expected[i].Values, actual[i].Values);
        }

        // Spot checks of the conversions themselves (fid 1 is row 0; fids 13 and 14 are skipped).
        Assert.Equal([123L, null, 4L], actual.Skip(1).Take(3).Select(r => r.Values[1]));
        Assert.Equal([12.0, 1500.0], actual.Skip(4).Take(2).Select(r => r.Values[2]));
        Assert.Equal(["1207", "2.5", null, "A\uFFFDB\uFFFD", "", "永久基本农田"], actual.Skip(6).Take(6).Select(r => r.Values[0]));
    }

    [Fact]
    public void Fields_come_in_the_order_asked_for()
    {
        using var source = new GeoPackageFeatureSource("rows", path);
        using var reader = source.OpenRowReader("parcels", ["mj", "dlbm"]);

        Assert.Equal(["mj", "dlbm"], reader.Fields.Select(f => f.Name));
        Assert.Equal(FieldType.Real, reader.Fields[0].Type);
        Assert.True(reader.Read()); // fid 1: both NULL in the sample
        Assert.True(reader.IsNull(0) && reader.IsNull(1));
        Assert.True(reader.Read());
        Assert.False(reader.IsNull(0));
        Assert.Equal("地类0001", Encoding.UTF8.GetString(reader.GetUtf8(1)));
    }

    [Fact]
    public void An_unknown_table_or_field_is_refused_up_front()
    {
        using var source = new GeoPackageFeatureSource("rows", path);

        Assert.Throws<ArgumentException>(() => source.OpenRowReader("nope", ["dlbm"]));
        var error = Assert.Throws<ArgumentException>(() => source.OpenRowReader("parcels", ["dlbm", "nope"]));
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public void A_cancelled_read_stops_with_a_cancellation()
    {
        using var source = new GeoPackageFeatureSource("rows", path);
        using var cancel = new CancellationTokenSource();
        using var reader = source.OpenRowReader("parcels", ["dlbm"], cancel.Token);
        Assert.True(reader.Read());

        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => reader.Read());
    }

    public void Dispose() => directory.Dispose();

    private static object?[] Values(IStoredFeatureRowReader reader)
    {
        var values = new object?[reader.Fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsNull(i) ? null : reader.Fields[i].Type switch
            {
                FieldType.Integer => reader.GetInt64(i),
                FieldType.Real => reader.GetDouble(i),
                _ => Encoding.UTF8.GetString(reader.GetUtf8(i)),
            };
        }

        return values;
    }
}

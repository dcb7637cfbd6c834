namespace TileServer.Tests.Shared.FeatureQueries;

using TileServer.Core.Errors;
using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;

/// <summary>The query scenarios every feature source must answer identically: each source's test project
/// derives from this class and loads <see cref="QueryDataset"/> into its own store.</summary>
public abstract class FeatureQueryScenarios
{
    private static readonly string[] AllFields = ["mc", "bh", "mj"];

    /// <summary>The source under test and the key of the table holding <see cref="QueryDataset"/>.</summary>
    protected abstract Task<(IFeatureSource Source, string Table)> OpenAsync();

    [Theory]
    [MemberData(nameof(FilterScenarios.Names), MemberType = typeof(FilterScenarios))]
    public async Task Filter_returns_and_counts_exactly_the_expected_rows(string scenario)
    {
        var (source, table) = await OpenAsync();
        var (filter, expected) = FilterScenarios.All[scenario];
        var expectedFids = QueryDataset.Rows.Where(expected).Select(r => r.Fid).ToList();

        var records = await ReadAsync(source, new FeatureQuery(table, null, AllFields) { Filter = filter });

        Assert.Equal(expectedFids, records.Select(r => r.Fid));
        Assert.Equal(expectedFids.Count, await source.CountAsync(new FeatureQuery(table, null, []) { Filter = filter }, CancellationToken.None));
        Assert.InRange(expectedFids.Count, 1, QueryDataset.Count - 1); // every scenario must discriminate
    }

    [Fact]
    public async Task Values_come_back_typed_and_unchanged()
    {
        var (source, table) = await OpenAsync();
        var records = await ReadAsync(source, new FeatureQuery(table, null, AllFields) { SortBy = [new SortKey("bh")] });

        Assert.Equal(QueryDataset.Count, records.Count);
        foreach (var record in records)
        {
            var row = QueryDataset.Rows[(int)record.Fid - 1];
            Assert.Equal(row.Mc, record.Values[0]);
            Assert.Equal(row.Bh, record.Values[1]);
            Assert.Equal(row.Mj, record.Values[2]);
        }
    }

    [Fact]
    public async Task Bbox_is_exact_while_bounds_stay_an_envelope_test()
    {
        var (source, table) = await OpenAsync();
        var box = FilterScenarios.GrazingBox.EnvelopeInternal;
        var bounds = new BoundingBox(box.MinX, box.MinY, box.MaxX, box.MaxY);
        var byEnvelope = await ReadAsync(source, new FeatureQuery(table, bounds, []) { SortBy = [new SortKey("mc")] });
        var exact = await ReadAsync(source, new FeatureQuery(table, null, []) { Filter = FilterScenarios.Spatial(SpatialOperator.BBox, FilterScenarios.GrazingBox) });

        // The box meets the envelopes of cells 2..4 × 1..2; in cell (2, 1) only the envelope's empty corner.
        Assert.Equal(6, byEnvelope.Count);
        Assert.Equal(5, exact.Count);
        Assert.Subset(byEnvelope.Select(r => r.Fid).ToHashSet(), exact.Select(r => r.Fid).ToHashSet());
        Assert.Equal(6, await source.CountAsync(new FeatureQuery(table, bounds, []), CancellationToken.None));
    }

    [Fact]
    public async Task Bounds_and_filter_combine()
    {
        var (source, table) = await OpenAsync();
        var (x, y) = QueryDataset.Corner(0, 0);
        var bounds = new BoundingBox(x, y, x + 0.035, y + 0.025); // cells 0..3 × 0..2
        var filter = new ComparisonFilter("bh", ComparisonOperator.GreaterOrEqual, FilterValue.OfInteger(0));
        var expected = QueryDataset.Rows.Where(r => (r.Fid - 1) % 8 <= 3 && (r.Fid - 1) / 8 <= 2 && r.Bh >= 0).Select(r => r.Fid).ToList();

        var records = await ReadAsync(source, new FeatureQuery(table, bounds, []) { Filter = filter });

        Assert.Equal(expected, records.Select(r => r.Fid));
        Assert.Equal(expected.Count, await source.CountAsync(new FeatureQuery(table, bounds, [], Limit: 1) { Filter = filter, Offset = 3 }, CancellationToken.None));
    }

    [Theory]
    [InlineData("mc", false)]
    [InlineData("mc", true)]
    [InlineData("bh", false)]
    [InlineData("mj", true)]
    public async Task Sorting_one_key_puts_nulls_last_ascending_and_first_descending(string field, bool descending)
    {
        var (source, table) = await OpenAsync();
        var keys = new[] { new SortKey(field, descending) };

        var records = await ReadAsync(source, new FeatureQuery(table, null, []) { SortBy = keys });

        Assert.Equal(Sorted(QueryDataset.Rows, keys), records.Select(r => r.Fid));
    }

    [Fact]
    public async Task Sorting_several_keys_breaks_ties_by_the_next_key_then_the_row_id()
    {
        var (source, table) = await OpenAsync();
        SortKey[] keys = [new("bh"), new("mj", Descending: true), new("mc")];
        var filter = new NotFilter(new IdFilter([7]));

        var records = await ReadAsync(source, new FeatureQuery(table, null, []) { SortBy = keys, Filter = filter });

        Assert.Equal(Sorted(QueryDataset.Rows.Where(r => r.Fid != 7), keys), records.Select(r => r.Fid));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(48)]
    public async Task Pages_cover_every_row_exactly_once(int pageSize)
    {
        var (source, table) = await OpenAsync();
        SortKey[] keys = [new("mc", Descending: true), new("bh")];
        var pages = new List<long>();
        for (var offset = 0L; offset < QueryDataset.Count + pageSize; offset += pageSize)
        {
            var page = await ReadAsync(source, new FeatureQuery(table, null, [], pageSize) { SortBy = keys, Offset = offset });
            Assert.Equal(Math.Clamp(QueryDataset.Count - offset, 0, pageSize), page.Count);
            pages.AddRange(page.Select(r => r.Fid));
        }

        Assert.Equal(Sorted(QueryDataset.Rows, keys), pages);
        Assert.Equal(QueryDataset.Count, pages.Distinct().Count());
    }

    [Fact]
    public async Task A_limit_or_an_offset_alone_pages_in_row_id_order()
    {
        var (source, table) = await OpenAsync();
        var (x, y) = QueryDataset.Corner(0, 0);
        var everywhere = new BoundingBox(x - 1, y - 1, x + 1, y + 1);

        var first = await ReadAsync(source, new FeatureQuery(table, everywhere, [], Limit: 6));
        var rest = await ReadAsync(source, new FeatureQuery(table, everywhere, []) { Offset = 40 });
        var middle = await ReadAsync(source, new FeatureQuery(table, null, [], Limit: 3) { Offset = 10 });

        Assert.Equal([1L, 2, 3, 4, 5, 6], first.Select(r => r.Fid));
        Assert.Equal(Enumerable.Range(41, 8).Select(i => (long)i), rest.Select(r => r.Fid));
        Assert.Equal([11L, 12, 13], middle.Select(r => r.Fid));
    }

    [Fact]
    public async Task Unknown_or_injected_property_names_are_rejected()
    {
        var (source, table) = await OpenAsync();
        string[] names = ["nosuch", "mc\" = 'x' OR \"mc", "mc; DROP TABLE x", "fid", ""];
        foreach (var name in names)
        {
            var filter = new ComparisonFilter(name, ComparisonOperator.Equal, FilterValue.OfText("x"));
            await Assert.ThrowsAsync<InvalidParameterException>(() => ReadAsync(source, new FeatureQuery(table, null, []) { Filter = filter }));
            await Assert.ThrowsAsync<InvalidParameterException>(() => source.CountAsync(new FeatureQuery(table, null, []) { Filter = new LikeFilter(name, "*") }, CancellationToken.None));
            var sorted = new FeatureQuery(table, null, []) { SortBy = [new SortKey(name)] };
            var e = await Assert.ThrowsAsync<InvalidParameterException>(() => ReadAsync(source, sorted));
            Assert.Equal("sortBy", e.Parameter);
        }

        Assert.Equal(QueryDataset.Count, await source.CountAsync(new FeatureQuery(table, null, []), CancellationToken.None));
    }

    [Fact]
    public async Task A_count_limit_stops_the_count_there_and_is_exact_below_it()
    {
        var (source, table) = await OpenAsync();
        var (x, y) = QueryDataset.Corner(0, 0);
        var bounds = new BoundingBox(x, y, x + 0.035, y + 0.025); // cells 0..3 × 0..2
        var filter = new ComparisonFilter("bh", ComparisonOperator.GreaterOrEqual, FilterValue.OfInteger(0));
        long matching = await source.CountAsync(new FeatureQuery(table, bounds, []) { Filter = filter }, CancellationToken.None);
        Assert.InRange(matching, 3, QueryDataset.Count - 1);

        Assert.Equal(2, await source.CountAsync(new FeatureQuery(table, bounds, []) { Filter = filter, CountLimit = 2 }, CancellationToken.None));
        Assert.Equal(matching, await source.CountAsync(new FeatureQuery(table, bounds, []) { Filter = filter, CountLimit = matching + 5 }, CancellationToken.None));
        Assert.Equal(5, await source.CountAsync(new FeatureQuery(table, null, []) { CountLimit = 5 }, CancellationToken.None));
        Assert.Equal(QueryDataset.Count, await source.CountAsync(new FeatureQuery(table, null, []) { CountLimit = QueryDataset.Count }, CancellationToken.None));
    }

    [Theory]
    [InlineData("abc!", '*', '.', '!')]
    [InlineData("a*b", '*', '*', '!')]
    [InlineData("a*b", '*', '.', '*')]
    public async Task Malformed_like_patterns_are_rejected(string pattern, char wildCard, char singleChar, char escapeChar)
    {
        var (source, table) = await OpenAsync();
        var filter = new LikeFilter("mc", pattern, wildCard, singleChar, escapeChar);

        var e = await Assert.ThrowsAsync<InvalidParameterException>(() => ReadAsync(source, new FeatureQuery(table, null, []) { Filter = filter }));
        Assert.Equal("filter", e.Parameter);
    }

    /// <summary>The expected order: each key with NULL above every value, then the row id.</summary>
    private static List<long> Sorted(IEnumerable<QueryRow> rows, IReadOnlyList<SortKey> keys)
    {
        var list = rows.ToList();
        list.Sort((a, b) =>
        {
            foreach (var key in keys)
            {
                var c = CompareNullsLast(Value(a, key.Field), Value(b, key.Field));
                if (c != 0)
                    return key.Descending ? -c : c;
            }

            return a.Fid.CompareTo(b.Fid);
        });
        return list.Select(r => r.Fid).ToList();
    }

    private static object? Value(QueryRow row, string field) => field switch
    {
        "mc" => row.Mc,
        "bh" => row.Bh,
        "mj" => row.Mj,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static int CompareNullsLast(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        (string x, string y) => Math.Sign(string.CompareOrdinal(x, y)),
        (long x, long y) => x.CompareTo(y),
        (double x, double y) => x.CompareTo(y),
        _ => throw new InvalidOperationException("mixed types"),
    };

    private static async Task<List<FeatureRecord>> ReadAsync(IFeatureSource source, FeatureQuery query)
    {
        var records = new List<FeatureRecord>();
        await foreach (var record in source.QueryAsync(query, CancellationToken.None))
            records.Add(record);
        return records;
    }
}

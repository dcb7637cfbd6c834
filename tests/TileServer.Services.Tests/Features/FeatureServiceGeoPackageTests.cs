namespace TileServer.Services.Tests.Features;

using TileServer.Core.Crs;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Layers;
using TileServer.Services.Features;
using TileServer.Services.Layers;
using TileServer.Sources.GeoPackage;
using TileServer.Tests.Shared.FeatureQueries;

/// <summary>The feature use case end to end on a real source: filter, sort, page and count are answered by
/// the GeoPackage's SQL, not by a test double.</summary>
public sealed class FeatureServiceGeoPackageTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("tileserver-featureservice-");
    private readonly GeoPackageFeatureSource source;
    private readonly FeatureService service;

    public FeatureServiceGeoPackageTests()
    {
        var path = Path.Combine(directory.FullName, "queries.gpkg");
        GeoPackageWriter.Write(path, [QueryDataset.Layer("query_dataset")]);
        source = new GeoPackageFeatureSource("gpkg", path);
        var layer = new LayerDefinition { Id = "q", Source = "gpkg", Table = "query_dataset", Attributes = ["mc", "mj"] };
        service = new FeatureService(new LayerCatalog([layer], [source]));
    }

    public void Dispose()
    {
        source.Dispose();
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Filters_sorts_pages_and_counts_through_the_source()
    {
        var filter = new OrFilter([new LikeFilter("mc", "*田*"), new NullFilter("mj")]);
        var request = new FeatureRequest { LayerId = "q", Filter = filter, SortBy = [new SortKey("mc", Descending: true)], Offset = 2, Limit = 3 };
        var matching = QueryDataset.Rows.Where(r => r.Mc?.Contains('田', StringComparison.Ordinal) == true || r.Mj is null)
            .OrderBy(r => r.Mc is null ? 0 : 1).ThenByDescending(r => r.Mc, StringComparer.Ordinal).ThenBy(r => r.Fid).ToList();

        var page = await service.QueryAsync(request, CancellationToken.None).ToListAsync();

        Assert.Equal(matching.Skip(2).Take(3).Select(r => r.Fid), page.Select(f => f.Fid));
        Assert.All(page, f => Assert.Equal(["mc", "mj"], f.Fields.Select(d => d.Name)));
        Assert.Equal(matching.Count, await service.CountAsync(request, CancellationToken.None));
        Assert.True(matching.Count > 5, "the page must come from the middle of the result");
    }

    [Fact]
    public async Task Spatial_filters_return_geometries_in_the_output_crs()
    {
        var region = QueryDataset.Box(116.005, 40.005, 116.04, 40.03);
        var request = new FeatureRequest
        {
            LayerId = "q",
            Filter = FilterScenarioOperand(region),
            OutputCrs = CrsRegistry.FindEpsg(4527)!,
        };
        var expected = QueryDataset.Rows.Where(r => r.Geometry.Within(region)).Select(r => r.Fid).ToList();

        var features = await service.QueryAsync(request, CancellationToken.None).ToListAsync();

        Assert.Equal(expected, features.Select(f => f.Fid));
        Assert.NotEmpty(expected);
        Assert.All(features, f => Assert.InRange(f.Geometry.EnvelopeInternal.MinX, 39_000_000, 40_000_000)); // zone 39 false easting
    }

    /// <summary>An OR of 1,200 comparisons became an SQL expression deeper than SQLite's 1,000 levels and failed as a
    /// 500; such a filter is refused as a bad filter before it reaches the source, while a filter within the cap still
    /// runs. Equalities on one property (a WFS fes:Or listing codes) are folded into one IN list and run at any length
    /// up to <see cref="FeatureService.MaxFilterListValues"/>.</summary>
    [Theory]
    [InlineData(FeatureService.MaxFilterPredicates - 1, ComparisonOperator.Greater, false)] // the OR itself is the last node allowed
    [InlineData(1200, ComparisonOperator.Greater, true)]
    [InlineData(1200, ComparisonOperator.Equal, false)]
    public async Task A_filter_with_too_many_predicates_is_an_invalid_parameter_not_a_source_failure(int terms, ComparisonOperator op, bool refused)
    {
        var filter = new OrFilter([.. Enumerable.Range(0, terms).Select(i => new ComparisonFilter("mj", op, FilterValue.OfReal(i + 0.5)))]);
        var request = new FeatureRequest { LayerId = "q", Filter = filter };

        if (refused)
        {
            var error = await Assert.ThrowsAsync<Core.Errors.InvalidParameterException>(() => service.CountAsync(request, CancellationToken.None));
            Assert.Equal("filter", error.Parameter);
        }
        else
        {
            long expected = op == ComparisonOperator.Equal
                ? QueryDataset.Rows.Count(r => r.Mj is { } mj && mj % 1 == 0.5 && mj < terms)
                : QueryDataset.Rows.Count(r => r.Mj > 0.5);
            Assert.True(expected > 0);
            Assert.Equal(expected, await service.CountAsync(request, CancellationToken.None));
        }
    }

    /// <summary>IN lists are one predicate each, and their values count together: 40,000 values in four lists would
    /// exceed SQLite's 32,766 parameters per statement.</summary>
    [Theory]
    [InlineData(1, FeatureService.MaxFilterListValues, false)]
    [InlineData(1, FeatureService.MaxFilterListValues + 1, true)]
    [InlineData(2, 6_000, true)]
    public async Task In_lists_are_one_predicate_each_up_to_a_total_of_values(int lists, int valuesPerList, bool refused)
    {
        // Every quarter from 0 up: the dataset's areas are such quarters (and below 17).
        var list = new InFilter("mj", [.. Enumerable.Range(0, valuesPerList).Select(i => FilterValue.OfReal(i * 0.25))]);
        FeatureFilter filter = lists == 1 ? list : new OrFilter([.. Enumerable.Repeat<FeatureFilter>(list, lists)]);
        var request = new FeatureRequest { LayerId = "q", Filter = filter };

        if (refused)
        {
            var error = await Assert.ThrowsAsync<Core.Errors.InvalidParameterException>(() => service.CountAsync(request, CancellationToken.None));
            Assert.Equal("filter", error.Parameter);
        }
        else
        {
            Assert.Equal(QueryDataset.Rows.Count(r => r.Mj is not null), await service.CountAsync(request, CancellationToken.None));
        }
    }

    private static SpatialFilter FilterScenarioOperand(NetTopologySuite.Geometries.Polygon region)
    {
        var e = region.EnvelopeInternal;
        var wkb = new NetTopologySuite.IO.WKBWriter().Write(region);
        return new SpatialFilter(SpatialOperator.Within, wkb, new Core.Geometry.BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY));
    }
}

namespace TileServer.Protocols.Wmts.Tests;

using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TileServer.Core.Caching;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Services.Raster;
using TileServer.Styling;

/// <summary>Two styled layers and one unstyled layer over an in-memory source holding one square around
/// 平泉市, and the services the WMTS endpoints need, without a host.</summary>
public static class WmtsTestData
{
    /// <summary>Extent of the sample square (lon/lat).</summary>
    public static readonly BoundingBox Extent = new(118.5, 40.8, 119.0, 41.2);

    public static IServiceProvider Services()
    {
        var styles = new StyleRegistry([Style("xzq", "xzq", "县级行政区界线", "County boundaries")]);
        var binder = new RasterStyleBinder(styles);
        var raster = new RasterTileService(new NoCache(), binder, new RasterTileOptions());
        var services = new ServiceCollection();
        services.AddSingleton<ILayerCatalog>(new Catalog([Layer("xzq", "行政区", "Administrative divisions"), Layer("plain", "", "")]));
        services.AddSingleton(raster);
        services.AddSingleton<ITileCache>(new NoCache());
        return services.BuildServiceProvider();
    }

    public static IReadOnlyList<WmtsLayer> Layers()
    {
        var services = Services();
        return WmtsLayer.From(services.GetRequiredService<ILayerCatalog>(), services.GetRequiredService<RasterTileService>().Styles);
    }

    public static DefaultHttpContext Context(string query, IServiceProvider? services = null, string path = "/wmts")
    {
        var context = new DefaultHttpContext { RequestServices = services ?? Services() };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("example.test");
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        return context;
    }

    public static byte[] Body(HttpContext context) => ((MemoryStream)context.Response.Body).ToArray();

    private static StyleDocument Style(string id, string sourceLayer, string zh, string en) => StyleDocument.Parse($$"""
        { "id": "{{id}}", "version": 1, "title": { "zh": "{{zh}}", "en": "{{en}}" }, "sourceLayer": "{{sourceLayer}}",
          "rules": [ { "id": "all", "fill": { "color": "#FF0000" }, "stroke": { "color": "#4D4D4D", "width": 1.2 } } ] }
        """);

    private static PublishedLayer Layer(string id, string zh, string en)
    {
        var info = new SourceLayerInfo(id, "geom", GeometryKind.MultiPolygon, 4490, Extent, [], 1);
        var definition = new LayerDefinition { Id = id, Table = id, TitleZh = zh, TitleEn = en, MinZoom = 0, MaxZoom = 16 };
        return new PublishedLayer(definition, new SquareSource(info), info);
    }

    private sealed class Catalog(IReadOnlyList<PublishedLayer> layers) : ILayerCatalog
    {
        public IReadOnlyList<PublishedLayer> Layers => layers;

        public bool TryGet(string layerId, out PublishedLayer layer)
        {
            layer = layers.FirstOrDefault(l => l.Id == layerId)!;
            return layer is not null;
        }
    }

    private sealed class NoCache : ITileCache
    {
        public async ValueTask<TileLookup> GetOrCreateAsync(TileCacheKey key, Func<CancellationToken, Task<TileContent>> produce, CancellationToken cancellationToken) =>
            new(await produce(cancellationToken).ConfigureAwait(false), false);
    }

    /// <summary>Returns the extent as one WKB polygon for every query that touches it.</summary>
    private sealed class SquareSource(SourceLayerInfo info) : IFeatureSource
    {
        public string Id => "memory";

        public IReadOnlyList<SourceLayerInfo> Layers => [info];

        public async Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken)
        {
            long count = 0;
            await foreach (var _ in QueryAsync(query, cancellationToken))
                count++;
            return count;
        }

        public async IAsyncEnumerable<FeatureRecord> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (query.Bounds is { } bounds && !bounds.Intersects(Extent))
            {
                yield break;
            }

            yield return new FeatureRecord(1, SquareWkb(), new object?[query.Fields.Count]);
        }

        private static byte[] SquareWkb()
        {
            double[] ring = [Extent.MinX, Extent.MinY, Extent.MaxX, Extent.MinY, Extent.MaxX, Extent.MaxY, Extent.MinX, Extent.MaxY, Extent.MinX, Extent.MinY];
            using var stream = new MemoryStream();
            using var writer = new BinaryWriter(stream);
            writer.Write((byte)1);
            writer.Write(3u);
            writer.Write(1u);
            writer.Write(5u);
            foreach (double value in ring)
            {
                writer.Write(value);
            }

            writer.Flush();
            return stream.ToArray();
        }
    }
}

namespace TileServer.Protocols.Wfs.Tests;

using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.IO;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Services.Features;
using TileServer.Services.Layers;

/// <summary>Features reach the response as they are read, and a client that goes away stops the source
/// query (RequestAborted reaches the source's enumerator).</summary>
public sealed class StreamingTests
{
    [Fact]
    public async Task Features_are_written_before_the_source_finishes_and_a_disconnect_stops_the_query()
    {
        var source = new EndlessSource();
        var layer = new Core.Layers.LayerDefinition { Id = "ghyd", Source = "endless", Table = "ghyd" };
        var service = new FeatureService(new LayerCatalog([layer], [source]));
        using var aborted = new CancellationTokenSource();
        var body = new WatchingStream(() => source.Produced >= 5_000 ? aborted : null);
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton(service).BuildServiceProvider(),
            RequestAborted = aborted.Token,
        };
        context.Request.QueryString = new QueryString("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd&count=1000000");
        context.Response.Body = body;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await (await WfsEndpoints.HandleGetAsync(context)).ExecuteAsync(context));

        Assert.True(body.BytesBeforeCancel > 100_000, "features were written while the source was still reading");
        Assert.True(source.Cancelled, "the source saw the cancellation");
        Assert.InRange(source.Produced, 5_000, 20_000);
    }

    [Fact]
    public async Task A_source_outage_is_a_503_exception_report_with_retry_after()
    {
        var layer = new Core.Layers.LayerDefinition { Id = "ghyd", Source = "endless", Table = "ghyd" };
        var service = new FeatureService(new LayerCatalog([layer], [new EndlessSource { Down = true }]));
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddSingleton(service).BuildServiceProvider() };
        context.Request.QueryString = new QueryString("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd");
        var body = new MemoryStream();
        context.Response.Body = body;

        await (await WfsEndpoints.HandleGetAsync(context)).ExecuteAsync(context);

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        Assert.Contains("exceptionCode=\"OperationProcessingFailed\"", System.Text.Encoding.UTF8.GetString(body.ToArray()), StringComparison.Ordinal);
    }

    /// <summary>Cancels the request once the source has produced enough, from inside a response write.</summary>
    private sealed class WatchingStream(Func<CancellationTokenSource?> trigger) : MemoryStream
    {
        public long BytesBeforeCancel { get; private set; }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await base.WriteAsync(buffer, cancellationToken);
            if (trigger() is { } cancel && !cancel.IsCancellationRequested)
            {
                BytesBeforeCancel = Length;
                await cancel.CancelAsync();
            }
        }
    }

    private sealed class EndlessSource : IFeatureSource
    {
        public string Id => "endless";

        public int Produced { get; private set; }

        public bool Cancelled { get; private set; }

        public IReadOnlyList<SourceLayerInfo> Layers { get; } =
            [new SourceLayerInfo("ghyd", "geom", GeometryKind.MultiPolygon, 4490, new BoundingBox(118, 40, 119, 41), [new FieldDefinition("bsm", FieldType.Text)], long.MaxValue)];

        public bool Down { get; init; }

        public Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken) =>
            Down ? throw new Core.Errors.SourceUnavailableException("connection refused", TimeSpan.FromSeconds(4.2)) : Task.FromResult(long.MaxValue / 2);

        public async IAsyncEnumerable<FeatureRecord> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            byte[] wkb = new WKBWriter().Write(WfsTestData.Square(118.7, 40.9, 0.01));
            while (true)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    Cancelled = true;
                    cancellationToken.ThrowIfCancellationRequested();
                }

                Produced++;
                if (Produced % 100 == 0)
                    await Task.Yield();
                yield return new FeatureRecord(Produced, wkb, [$"bsm{Produced}"]);
            }
        }
    }
}

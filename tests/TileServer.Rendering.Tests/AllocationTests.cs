using System.Buffers;
using System.Diagnostics;
using TileServer.Rendering.Png;
using Xunit.Abstractions;

namespace TileServer.Rendering.Tests;

public sealed class AllocationTests(ITestOutputHelper output)
{
    [Fact]
    public void Steady_state_rendering_allocates_nothing_and_encoding_little()
    {
        var canvas = new RasterCanvas(256, 256);
        var tile = new SampleTile();
        var encoder = new PngEncoder();
        var writer = new ArrayBufferWriter<byte>(256 * 1024);
        var options = new PngOptions { Indexed = true };
        for (var warmUp = 0; warmUp < 2; warmUp++)
        {
            tile.Render(canvas);
            writer.ResetWrittenCount();
            encoder.Encode(canvas, options, writer);
        }

        // Minimum over a few runs: tiered JIT recompilation can be charged to the thread once in a while.
        var renderBytes = long.MaxValue;
        var watch = Stopwatch.StartNew();
        for (var run = 0; run < 3; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            tile.Render(canvas);
            renderBytes = Math.Min(renderBytes, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        var renderTime = watch.Elapsed;

        var beforeEncode = GC.GetAllocatedBytesForCurrentThread();
        writer.ResetWrittenCount();
        watch.Restart();
        encoder.Encode(canvas, options, writer);
        var encodeTime = watch.Elapsed;
        var encodeBytes = GC.GetAllocatedBytesForCurrentThread() - beforeEncode;

        output.WriteLine($"ALLOC render {renderBytes} B in {renderTime.TotalMilliseconds:F2} ms; PNG8 encode {encodeBytes} B in {encodeTime.TotalMilliseconds:F2} ms");
        Assert.Equal(0, renderBytes);
        Assert.True(encodeBytes < 4096, $"encode allocated {encodeBytes} B"); // ZLibStream instance only.
    }
}

namespace TileServer.Caching.Tests.Fakes;

using System.Runtime.CompilerServices;
using System.Text;
using TileServer.Core.Caching;
using TileServer.Core.Tiling;

internal static class TestTiles
{
    public static TileCacheKey Key(string layers = "ghyd", int x = 1, string style = "") =>
        new(layers, "WebMercatorQuad", new TileCoordinate(12, x, 7), "mvt", style);

    public static TileContent Content(string text) => new(Encoding.UTF8.GetBytes(text), [0x1f, 0x8b, 1], $"\"{text}\"");

    /// <summary>A producer that counts its calls (thread-safe) and answers <paramref name="text"/>.</summary>
    public static Func<CancellationToken, Task<TileContent>> Counting(StrongBox<int> calls, string text = "tile", TimeSpan? delay = null) =>
        async ct =>
        {
            Interlocked.Increment(ref calls.Value);
            if (delay is { } wait)
            {
                await Task.Delay(wait, ct);
            }

            return Content(text);
        };
}

namespace TileServer.Caching.Tests;

using TileServer.Core.Caching;
using TileServer.Core.Tiling;

public sealed class TileStorageKeysTests
{
    private static TileCacheKey Key(string layers, string style = "") =>
        new(layers, "WebMercatorQuad", new TileCoordinate(14, 13594, 6142), "mvt", style);

    [Fact]
    public async Task A_single_layer_key_carries_its_generation_in_hexadecimal()
    {
        var generations = new InMemoryLayerGenerations();
        for (int i = 0; i < 26; i++)
        {
            await generations.BumpAsync("ghyd", CancellationToken.None);
        }

        string key = await TileStorageKeys.BuildAsync("p:", Key("ghyd"), generations, CancellationToken.None);

        Assert.Equal("p:ghyd#1a:-:WebMercatorQuad:14:13594:6142:mvt", key);
    }

    [Fact]
    public async Task A_composite_is_split_and_trimmed_and_every_layer_keeps_its_own_generation()
    {
        var generations = new InMemoryLayerGenerations();
        await generations.BumpAsync("ghyd", CancellationToken.None);

        string key = await TileStorageKeys.BuildAsync("p:", Key(" xzq , ghyd", style: "v3"), generations, CancellationToken.None);

        Assert.Equal("p:xzq#0,ghyd#1:v3:WebMercatorQuad:14:13594:6142:mvt", key);
    }

    [Fact]
    public async Task Generations_that_complete_later_give_the_same_key_as_known_ones()
    {
        var known = new InMemoryLayerGenerations();
        var slow = new YieldingGenerations(known);
        await known.BumpAsync("xzq", CancellationToken.None);

        foreach (string layers in new[] { "xzq", "xzq,ghyd" })
        {
            Assert.Equal(
                await TileStorageKeys.BuildAsync("p:", Key(layers), known, CancellationToken.None),
                await TileStorageKeys.BuildAsync("p:", Key(layers), slow, CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_long_key_beyond_the_stack_buffer_is_built_whole()
    {
        string layers = string.Join(',', Enumerable.Range(0, 40).Select(i => $"layer_with_a_long_name_{i}"));

        string key = await TileStorageKeys.BuildAsync("p:", Key(layers), new InMemoryLayerGenerations(), CancellationToken.None);

        Assert.StartsWith("p:layer_with_a_long_name_0#0,layer_with_a_long_name_1#0,", key, StringComparison.Ordinal);
        Assert.EndsWith("layer_with_a_long_name_39#0:-:WebMercatorQuad:14:13594:6142:mvt", key, StringComparison.Ordinal);
    }

    /// <summary>Generations answered asynchronously, as a shared tier's refresh would.</summary>
    private sealed class YieldingGenerations(ILayerGenerations inner) : ILayerGenerations
    {
        public async ValueTask<long> GetAsync(string layer, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return await inner.GetAsync(layer, cancellationToken);
        }

        public ValueTask<long> BumpAsync(string layer, CancellationToken cancellationToken) => inner.BumpAsync(layer, cancellationToken);
    }
}

namespace TileServer.Caching;

using System.Globalization;
using System.Runtime.CompilerServices;
using TileServer.Core.Caching;

/// <summary>Builds the string a tile is stored under in both tiers:
/// <c>{prefix}{layer}#{generation}[,{layer}#{generation}…]:{styleVersion or -}:{tileMatrixSet}:{z}:{x}:{y}:{format}</c>,
/// e.g. <c>tileserver:tile:xzq#0,ghyd#3:-:WebMercatorQuad:12:3385:1552:mvt</c>. Every layer of a composite
/// carries its own generation (hexadecimal), so bumping any one of them moves the composite to a new key.</summary>
/// <remarks>This runs on every request, hits included, so it avoids what a hit does not need: a single layer is not
/// split, generations that are known synchronously (the usual case) do not go through an async state machine, and
/// the text is formatted into one stack buffer and allocated once.</remarks>
public static class TileStorageKeys
{
    private const int StackLimit = 256;

    public static ValueTask<string> BuildAsync(string prefix, TileCacheKey key, ILayerGenerations generations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generations);
        if (IsSingleLayer(key.Layers))
        {
            ValueTask<long> generation = generations.GetAsync(key.Layers, cancellationToken);
            return generation.IsCompletedSuccessfully
                ? ValueTask.FromResult(Format(prefix, key, [key.Layers], [generation.Result]))
                : AwaitSingleAsync(prefix, key, generation);
        }

        return BuildCompositeAsync(prefix, key, key.LayerIds, generations, cancellationToken);
    }

    private static async ValueTask<string> AwaitSingleAsync(string prefix, TileCacheKey key, ValueTask<long> generation)
    {
        long value = await generation.ConfigureAwait(false);
        return Format(prefix, key, [key.Layers], [value]);
    }

    private static async ValueTask<string> BuildCompositeAsync(
        string prefix, TileCacheKey key, string[] layers, ILayerGenerations generations, CancellationToken cancellationToken)
    {
        long[] values = new long[layers.Length];
        for (int i = 0; i < layers.Length; i++)
        {
            values[i] = await generations.GetAsync(layers[i], cancellationToken).ConfigureAwait(false);
        }

        return Format(prefix, key, layers, values);
    }

    /// <summary>True when the layer text is one id as it stands (what <see cref="TileCacheKey.LayerIds"/> would
    /// return unchanged): no comma to split on and no surrounding space to trim.</summary>
    private static bool IsSingleLayer(string layers) =>
        layers.Length > 0 && !layers.Contains(',', StringComparison.Ordinal) && !char.IsWhiteSpace(layers[0]) && !char.IsWhiteSpace(layers[^1]);

    private static string Format(string prefix, TileCacheKey key, ReadOnlySpan<string> layers, ReadOnlySpan<long> generations)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[StackLimit]);
        text.AppendLiteral(prefix);
        for (int i = 0; i < layers.Length; i++)
        {
            if (i > 0)
            {
                text.AppendLiteral(",");
            }

            text.AppendLiteral(layers[i]);
            text.AppendLiteral("#");
            text.AppendFormatted(generations[i], "x");
        }

        text.AppendLiteral(":");
        text.AppendLiteral(key.StyleVersion.Length == 0 ? "-" : key.StyleVersion);
        text.AppendLiteral(":");
        text.AppendLiteral(key.TileMatrixSet);
        text.AppendLiteral(":");
        text.AppendFormatted(key.Tile.Zoom);
        text.AppendLiteral(":");
        text.AppendFormatted(key.Tile.Column);
        text.AppendLiteral(":");
        text.AppendFormatted(key.Tile.Row);
        text.AppendLiteral(":");
        text.AppendLiteral(key.Format);
        return text.ToStringAndClear();
    }
}

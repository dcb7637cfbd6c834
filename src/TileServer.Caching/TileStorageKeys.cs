namespace TileServer.Caching;

using System.Globalization;
using System.Text;
using TileServer.Core.Caching;

/// <summary>Builds the string a tile is stored under in both tiers:
/// <c>{prefix}{layer}#{generation}[,{layer}#{generation}…]:{styleVersion or -}:{tileMatrixSet}:{z}:{x}:{y}:{format}</c>,
/// e.g. <c>tileserver:tile:xzq#0,ghyd#3:-:WebMercatorQuad:12:3385:1552:mvt</c>. Every layer of a composite
/// carries its own generation (hexadecimal), so bumping any one of them moves the composite to a new key.</summary>
public static class TileStorageKeys
{
    public static async ValueTask<string> BuildAsync(string prefix, TileCacheKey key, ILayerGenerations generations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generations);
        var text = new StringBuilder(prefix, prefix.Length + 64);
        string[] layers = key.LayerIds;
        for (int i = 0; i < layers.Length; i++)
        {
            long generation = await generations.GetAsync(layers[i], cancellationToken).ConfigureAwait(false);
            text.Append(i == 0 ? "" : ",").Append(layers[i]).Append('#').Append(generation.ToString("x", CultureInfo.InvariantCulture));
        }

        return text.Append(':').Append(key.StyleVersion.Length == 0 ? "-" : key.StyleVersion)
            .Append(':').Append(key.TileMatrixSet)
            .Append(CultureInfo.InvariantCulture, $":{key.Tile.Zoom}:{key.Tile.Column}:{key.Tile.Row}:")
            .Append(key.Format)
            .ToString();
    }
}

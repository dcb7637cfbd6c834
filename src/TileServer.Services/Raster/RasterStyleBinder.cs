namespace TileServer.Services.Raster;

using System.Collections.Concurrent;
using TileServer.Core.Errors;
using TileServer.Core.Layers;
using TileServer.Styling;

/// <summary>Binds published layers to styles: the layer's configured style id when there is one, else the
/// style whose rules name the layer id as their source layer. A layer with no style is not drawn.</summary>
public sealed class RasterStyleBinder
{
    private readonly StyleRegistry registry;
    private readonly IReadOnlyDictionary<string, string> configured;
    private readonly Dictionary<string, StylePainter> painters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RasterLayerStyle?> bound = new(StringComparer.Ordinal);

    /// <param name="registry">The loaded styles.</param>
    /// <param name="layerStyles">Layer id → style id, from configuration; may be empty.</param>
    /// <exception cref="ConfigurationException">A configured style id is not in the registry.</exception>
    public RasterStyleBinder(StyleRegistry registry, IReadOnlyDictionary<string, string>? layerStyles = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        this.registry = registry;
        configured = layerStyles ?? new Dictionary<string, string>();
        foreach (StyleDocument style in registry.Styles)
        {
            painters[style.Id] = new StylePainter(style);
        }

        foreach (var (layer, style) in configured)
        {
            if (!painters.ContainsKey(style))
            {
                throw new ConfigurationException($"layer '{layer}': style '{style}' is not in the styles folder");
            }
        }
    }

    public StyleRegistry Registry => registry;

    /// <summary>The style of a layer, or null when none applies (the layer is left out of raster tiles).</summary>
    public RasterLayerStyle? Find(PublishedLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return bound.GetOrAdd(layer.Id, static (_, state) => state.Self.Bind(state.Layer), (Self: this, Layer: layer));
    }

    private RasterLayerStyle? Bind(PublishedLayer layer)
    {
        StylePainter? painter = null;
        if (configured.TryGetValue(layer.Id, out string? styleId))
        {
            painter = painters[styleId];
        }
        else
        {
            foreach (StyleDocument style in registry.Styles)
            {
                if (painters[style.Id].SourceLayers.Contains(layer.Id))
                {
                    painter = painters[style.Id];
                    break;
                }
            }
        }

        if (painter is null)
        {
            return null;
        }

        // A style written for another source layer can be reused by a layer when it draws only that one layer.
        string sourceLayer = layer.Id;
        if (!painter.SourceLayers.Contains(layer.Id))
        {
            var sourceLayers = painter.SourceLayers.ToList();
            if (sourceLayers.Count != 1)
            {
                return null;
            }

            sourceLayer = sourceLayers[0];
        }

        var fields = new List<string>();
        foreach (StyleRule rule in painter.Style.Rules)
        {
            if (rule.SourceLayer == sourceLayer && rule.Filter.Field is { } field && !fields.Contains(field)
                && layer.Info.Fields.Any(f => f.Name == field))
            {
                fields.Add(field);
            }
        }

        return new RasterLayerStyle(painter, sourceLayer, [.. fields]);
    }
}

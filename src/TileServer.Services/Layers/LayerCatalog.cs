namespace TileServer.Services.Layers;

using TileServer.Core.Errors;
using TileServer.Core.Features;
using TileServer.Core.Layers;

/// <summary>Binds configured layer definitions to their sources once, failing fast with a one-line
/// message when a definition names a source, table or attribute that does not exist.</summary>
public sealed class LayerCatalog : ILayerCatalog
{
    private readonly Dictionary<string, PublishedLayer> byId = new(StringComparer.Ordinal);

    public LayerCatalog(IEnumerable<LayerDefinition> definitions, IEnumerable<IFeatureSource> sources)
    {
        var sourcesById = sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var layers = new List<PublishedLayer>();
        foreach (var definition in definitions)
        {
            if (!sourcesById.TryGetValue(definition.Source, out var source))
            {
                throw new ConfigurationException($"layer '{definition.Id}': unknown source '{definition.Source}'");
            }

            var info = source.Layers.FirstOrDefault(l => l.Table == definition.Table)
                ?? throw new ConfigurationException($"layer '{definition.Id}': source '{source.Id}' has no table '{definition.Table}'");
            if (definition.MinZoom < 0 || definition.MaxZoom > 30 || definition.MinZoom > definition.MaxZoom)
            {
                throw new ConfigurationException($"layer '{definition.Id}': zoom range {definition.MinZoom}-{definition.MaxZoom} is not within 0-30");
            }

            var layer = new PublishedLayer(definition, source, info);
            if (!byId.TryAdd(definition.Id, layer))
            {
                throw new ConfigurationException($"layer '{definition.Id}' is defined twice");
            }

            layers.Add(layer);
        }

        Layers = layers;
    }

    public IReadOnlyList<PublishedLayer> Layers { get; }

    public bool TryGet(string layerId, out PublishedLayer layer) => byId.TryGetValue(layerId, out layer!);
}

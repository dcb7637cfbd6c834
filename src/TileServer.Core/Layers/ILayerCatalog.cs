namespace TileServer.Core.Layers;

using TileServer.Core.Features;

/// <summary>The published layers and the sources behind them, resolved once at start-up.</summary>
public interface ILayerCatalog
{
    IReadOnlyList<PublishedLayer> Layers { get; }

    bool TryGet(string layerId, out PublishedLayer layer);
}

/// <summary>A layer bound to its source and to the source's description of the table.</summary>
public sealed record PublishedLayer(LayerDefinition Definition, IFeatureSource Source, SourceLayerInfo Info)
{
    public string Id => Definition.Id;

    /// <summary>The exposed attribute fields, in configured order, with their types from the source.</summary>
    public IReadOnlyList<FieldDefinition> ExposedFields { get; } = ResolveFields(Definition, Info);

    /// <summary>Checks the configured columns against the table at start-up: a misspelt IdField would otherwise pass
    /// and fail every tile and WFS request of the layer (the sources refuse unknown fields).</summary>
    private static IReadOnlyList<FieldDefinition> ResolveFields(LayerDefinition definition, SourceLayerInfo info)
    {
        if (definition.IdField is { Length: > 0 } idField && idField != info.KeyColumn && !info.Fields.Any(f => f.Name == idField))
            throw new Errors.ConfigurationException($"layer '{definition.Id}': IdField '{idField}' is not a column of table '{info.Table}'");
        return definition.Attributes.Count == 0
            ? info.Fields
            : definition.Attributes.Select(a => info.Fields.FirstOrDefault(f => f.Name == a)
                ?? throw new Errors.ConfigurationException($"layer '{definition.Id}': attribute '{a}' is not a column of table '{info.Table}'")).ToArray();
    }
}

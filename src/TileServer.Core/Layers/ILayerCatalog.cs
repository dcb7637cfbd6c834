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
    public IReadOnlyList<FieldDefinition> ExposedFields { get; } =
        Definition.Attributes.Count == 0
            ? Info.Fields
            : Definition.Attributes.Select(a => Info.Fields.FirstOrDefault(f => f.Name == a)
                ?? throw new Errors.ConfigurationException($"layer '{Definition.Id}': attribute '{a}' is not a column of table '{Info.Table}'")).ToArray();
}

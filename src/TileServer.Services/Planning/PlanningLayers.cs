namespace TileServer.Services.Planning;

using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Services.Layers;

/// <summary>Adds the computed <c>conflicts</c> layer to a catalog, so every protocol serves it like a stored
/// layer.</summary>
public static class PlanningLayers
{
    public static LayerDefinition ConflictsDefinition { get; } = new()
    {
        Id = PlanningLayerIds.Conflicts,
        Source = ConflictFeatureSource.SourceId,
        Table = ConflictFeatureSource.Table,
        TitleZh = "三线冲突",
        TitleEn = "Control-line conflicts",
        IdField = "bsm",
        MinZoom = 6,
        MaxZoom = 16,
        Attributes = ["bsm", "xzqdm", "line_a", "line_b", "mj"],
    };

    /// <summary>The extent of the control lines in a catalog (the world when it has none).</summary>
    public static BoundingBox ControlLineExtent(ILayerCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var extent = BoundingBox.Empty;
        foreach (string id in PlanningLayerIds.ControlLines)
        {
            if (catalog.TryGet(id, out var layer))
            {
                extent = extent.ExpandToInclude(layer.Info.Extent);
            }
        }

        return extent.IsEmpty ? new BoundingBox(-180, -90, 180, 90) : extent;
    }

    /// <summary>A catalog of the given one's layers followed by <c>conflicts</c> read from <paramref name="conflicts"/>.</summary>
    public static ILayerCatalog WithConflicts(ILayerCatalog catalog, ConflictFeatureSource conflicts)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var definitions = catalog.Layers.Select(l => l.Definition).Append(ConflictsDefinition);
        var sources = catalog.Layers.Select(l => l.Source).Distinct().Append(conflicts);
        return new LayerCatalog(definitions, sources);
    }
}

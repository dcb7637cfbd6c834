namespace TileServer.Core.Features;

/// <summary>Where layers the server computes itself (the control-line conflicts) are written, so that they are
/// queried through a real source with the whole query model (filters, sorting, paging, counts translated into
/// that source's SQL) instead of an in-process evaluator.</summary>
public interface IFeatureSnapshotStore
{
    /// <summary>Writes the layer as a new snapshot and returns a source serving it under <paramref name="sourceId"/>.
    /// Earlier snapshots stay readable for queries already running and are released later by the store.</summary>
    IFeatureSource Write(string sourceId, FeatureLayerData layer);
}

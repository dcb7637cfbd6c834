namespace TileServer.Cli.Import;

using TileServer.Core.Features;

/// <summary>One layer of an import file: its schema and either its features, streamed (GeoJSON), or a reader
/// over its stored rows (GeoPackage), opened when the layer's turn comes.</summary>
public sealed record ImportInput(FeatureLayerSchema Schema, IAsyncEnumerable<WritableFeature>? Features, Func<CancellationToken, IStoredFeatureRowReader>? OpenRows = null);

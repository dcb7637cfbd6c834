namespace TileServer.Cli.Import;

using TileServer.Core.Features;

/// <summary>One layer of an import file: its schema and its features, streamed.</summary>
public sealed record ImportInput(FeatureLayerSchema Schema, IAsyncEnumerable<WritableFeature> Features);

namespace TileServer.Cli.Import;

using System.Runtime.CompilerServices;
using TileServer.Core.Features;
using TileServer.Sources.GeoPackage;

/// <summary>Streams the feature tables of a GeoPackage as import input, passing the stored WKB through.</summary>
public static class GeoPackageImportReader
{
    public static IReadOnlyList<ImportInput> Read(GeoPackageFeatureSource source, IReadOnlyCollection<string>? onlyLayers)
    {
        var inputs = new List<ImportInput>();
        foreach (var layer in source.Layers)
        {
            if (onlyLayers is { Count: > 0 } && !onlyLayers.Contains(layer.Table))
            {
                continue;
            }

            var schema = new FeatureLayerSchema(layer.Table, layer.GeometryKind, layer.Srid, layer.Fields);
            inputs.Add(new ImportInput(schema, Stream(source, layer)));
        }

        return inputs;
    }

    private static async IAsyncEnumerable<WritableFeature> Stream(GeoPackageFeatureSource source, SourceLayerInfo layer, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = new FeatureQuery(layer.Table, null, layer.Fields.Select(f => f.Name).ToList());
        await foreach (var record in source.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            // The stored WKB goes to the importer as is: decoding it into objects only to encode it again
            // cost about a third of the import's client time.
            yield return WritableFeature.FromWkb(record.Wkb, layer.Srid, record.Values);
        }
    }
}

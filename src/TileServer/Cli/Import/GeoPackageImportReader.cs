namespace TileServer.Cli.Import;

using TileServer.Core.Features;
using TileServer.Sources.GeoPackage;

/// <summary>Reads the feature tables of a GeoPackage as import input: each row's stored WKB and values go to the
/// COPY as they are, through a row reader that allocates nothing per row (decoding into objects and encoding
/// again was most of the import client's time; docs/benchmarks.md, "Import into PostGIS").</summary>
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
            var fields = layer.Fields.Select(f => f.Name).ToList();
            inputs.Add(new ImportInput(schema, null, cancellationToken => source.OpenRowReader(layer.Table, fields, cancellationToken)));
        }

        return inputs;
    }
}

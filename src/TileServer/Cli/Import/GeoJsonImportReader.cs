namespace TileServer.Cli.Import;

using System.Text.Json;
using NetTopologySuite.Geometries;
using TileServer.Core.Errors;
using TileServer.Core.Features;

/// <summary>Reads a GeoJSON FeatureCollection (RFC 7946: longitude/latitude, taken as EPSG:4490) as one
/// import layer named after the file. Property types are inferred over all features (integer, real,
/// else text); names are lowercased as the project's tables expect.</summary>
public static class GeoJsonImportReader
{
    public static ImportInput Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        if (!root.TryGetProperty("features", out var featuresElement) || featuresElement.ValueKind != JsonValueKind.Array)
        {
            throw new DataSourceException($"{path}: not a GeoJSON FeatureCollection");
        }

        var factory = new GeometryFactory(new PrecisionModel(), 4490);
        var rows = new List<(Geometry Geometry, Dictionary<string, JsonElement> Properties)>();
        var names = new List<string>();
        foreach (var feature in featuresElement.EnumerateArray())
        {
            var geometry = GeoJsonGeometryParser.Parse(feature.GetProperty("geometry"), factory, path);
            var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in props.EnumerateObject())
                {
                    string name = p.Name.ToLowerInvariant();
                    if (!properties.ContainsKey(name) && name is not ("fid" or "geom"))
                    {
                        properties[name] = p.Value.Clone();
                        if (!names.Contains(name)) names.Add(name);
                    }
                }
            }

            rows.Add((geometry, properties));
        }

        var fields = names.Select(n => new FieldDefinition(n, InferType(rows.Select(r => r.Properties.GetValueOrDefault(n))))).ToList();
        var kind = rows.Any(r => r.Geometry is MultiPolygon) ? GeometryKind.MultiPolygon
            : rows.All(r => r.Geometry is Polygon) ? GeometryKind.Polygon : GeometryKind.Geometry;
        string table = System.IO.Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var schema = new FeatureLayerSchema(table, kind, 4490, fields);
        var features = rows.Select(r => new WritableFeature(
            kind == GeometryKind.MultiPolygon && r.Geometry is Polygon p ? factory.CreateMultiPolygon([p]) : r.Geometry,
            fields.Select(f => Value(r.Properties.GetValueOrDefault(f.Name), f.Type)).ToArray()));
        return new ImportInput(schema, features.ToAsyncEnumerable());
    }

    private static FieldType InferType(IEnumerable<JsonElement> values)
    {
        bool allIntegers = true;
        foreach (var v in values)
        {
            if (v.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) continue;
            if (v.ValueKind != JsonValueKind.Number) return FieldType.Text;
            allIntegers &= v.TryGetInt64(out _);
        }

        return allIntegers ? FieldType.Integer : FieldType.Real;
    }

    private static object? Value(JsonElement v, FieldType type) => v.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ when type == FieldType.Integer => v.GetInt64(),
        _ when type == FieldType.Real => v.GetDouble(),
        JsonValueKind.String => v.GetString(),
        _ => v.GetRawText(),
    };
}

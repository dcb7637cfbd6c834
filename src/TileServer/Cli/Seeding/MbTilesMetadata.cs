namespace TileServer.Cli.Seeding;

using System.Globalization;
using System.Text.Json.Nodes;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Protocols.Xyz;

/// <summary>The MBTiles 1.3 metadata rows of a seeded file. For "pbf" the <c>json</c> row carries the
/// <c>vector_layers</c> the spec requires, taken from the TileJSON the server publishes for the same layers,
/// so a client sees the same field list from the file as from the server.</summary>
public static class MbTilesMetadata
{
    /// <summary>The rows for a run; when the file already holds tiles of earlier runs (<paramref name="existing"/>),
    /// bounds and zoom range grow to cover both, so resuming or extending a file never shrinks them.</summary>
    public static Dictionary<string, string> Build(IReadOnlyList<PublishedLayer> layers, string format, BoundingBox bounds, int minZoom, int maxZoom, XyzOptions xyz,
        IReadOnlyDictionary<string, string>? existing = null)
    {
        if (existing is not null)
        {
            if (existing.TryGetValue("bounds", out string? old) && old.Split(',') is { Length: 4 } parts
                && parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN).ToArray() is var b
                && b.All(double.IsFinite))
            {
                bounds = bounds.ExpandToInclude(new BoundingBox(b[0], b[1], b[2], b[3]));
            }

            minZoom = existing.TryGetValue("minzoom", out string? min) && int.TryParse(min, CultureInfo.InvariantCulture, out int oldMin) ? Math.Min(minZoom, oldMin) : minZoom;
            maxZoom = existing.TryGetValue("maxzoom", out string? max) && int.TryParse(max, CultureInfo.InvariantCulture, out int oldMax) ? Math.Max(maxZoom, oldMax) : maxZoom;
        }

        var tileJson = TileJsonDocument.Build(layers, "", xyz);
        bool vector = format == "mvt";
        int centerZoom = Math.Clamp((int)Math.Floor(Math.Log2(360.0 / Math.Max(bounds.Width, 1e-6))), minZoom, maxZoom);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = string.Join(',', layers.Select(l => l.Id)),
            ["description"] = tileJson["description"]?.GetValue<string>() ?? "",
            ["format"] = vector ? "pbf" : "png",
            ["type"] = "overlay",
            ["version"] = "1.0.0",
            ["bounds"] = string.Join(',', new[] { bounds.MinX, bounds.MinY, bounds.MaxX, bounds.MaxY }.Select(Text)),
            ["center"] = $"{Text((bounds.MinX + bounds.MaxX) / 2)},{Text((bounds.MinY + bounds.MaxY) / 2)},{centerZoom.ToString(CultureInfo.InvariantCulture)}",
            ["minzoom"] = minZoom.ToString(CultureInfo.InvariantCulture),
            ["maxzoom"] = maxZoom.ToString(CultureInfo.InvariantCulture),
            ["attribution"] = xyz.Attribution,
        };
        if (vector)
        {
            values["json"] = new JsonObject { ["vector_layers"] = tileJson["vector_layers"]!.DeepClone() }.ToJsonString(Core.Serialization.JsonOutput.Options);
        }

        return values;
    }

    private static string Text(double value) => Math.Round(value, 7).ToString(CultureInfo.InvariantCulture);
}

namespace TileServer.Protocols.Xyz;

using System.Text.Json.Nodes;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;

/// <summary>Builds TileJSON 3.0.0 documents for a layer or a composite of layers.</summary>
public static class TileJsonDocument
{
    /// <param name="centre">A lon/lat point with data for <c>center</c> (Services' LayerCentres); without it, the
    /// middle of the bounds.</param>
    public static JsonObject Build(IReadOnlyList<PublishedLayer> layers, string baseUrl, XyzOptions options, (double Longitude, double Latitude)? centre = null)
    {
        string ids = string.Join(',', layers.Select(l => l.Id));
        int minZoom = layers.Min(l => l.Definition.MinZoom);
        int maxZoom = layers.Max(l => l.Definition.MaxZoom);
        var bounds = layers.Aggregate(BoundingBox.Empty, (box, l) => box.ExpandToInclude(l.Info.Extent));
        if (bounds.IsEmpty)
        {
            bounds = new BoundingBox(-180, -85.0511287798066, 180, 85.0511287798066);
        }

        var vectorLayers = new JsonArray();
        foreach (var layer in layers)
        {
            var fields = new JsonObject();
            foreach (var field in layer.ExposedFields)
            {
                fields[field.Name] = field.Type switch
                {
                    FieldType.Text => "String",
                    _ => "Number",
                };
            }

            vectorLayers.Add(new JsonObject
            {
                ["id"] = layer.Id,
                ["description"] = Describe(layer.Definition),
                ["minzoom"] = layer.Definition.MinZoom,
                ["maxzoom"] = layer.Definition.MaxZoom,
                ["fields"] = fields,
            });
        }

        return new JsonObject
        {
            ["tilejson"] = "3.0.0",
            ["name"] = ids,
            ["description"] = string.Join("; ", layers.Select(l => Describe(l.Definition))),
            ["version"] = "1.0.0",
            ["attribution"] = options.Attribution,
            ["scheme"] = "xyz",
            ["format"] = "pbf",
            ["tiles"] = new JsonArray($"{baseUrl}/tiles/{ids}/{{z}}/{{x}}/{{y}}.mvt"),
            ["minzoom"] = minZoom,
            ["maxzoom"] = maxZoom,
            ["bounds"] = new JsonArray(Round(bounds.MinX), Round(bounds.MinY), Round(bounds.MaxX), Round(bounds.MaxY)),
            ["center"] = new JsonArray(
                Round(centre?.Longitude ?? ((bounds.MinX + bounds.MaxX) / 2)), Round(centre?.Latitude ?? ((bounds.MinY + bounds.MaxY) / 2)), CenterZoom(bounds, minZoom, maxZoom)),
            ["vector_layers"] = vectorLayers,
        };
    }

    private static string Describe(LayerDefinition definition) =>
        string.IsNullOrEmpty(definition.TitleEn) ? definition.TitleZh : $"{definition.TitleZh} {definition.TitleEn}".Trim();

    /// <summary>The zoom at which the bounds fill roughly one 256-pixel tile, kept inside the layer range.</summary>
    private static int CenterZoom(BoundingBox bounds, int minZoom, int maxZoom)
    {
        double span = Math.Max(bounds.Width, 1e-6);
        int zoom = (int)Math.Floor(Math.Log2(360.0 / span));
        return Math.Clamp(zoom, minZoom, maxZoom);
    }

    private static double Round(double value) => Math.Round(value, 7);
}

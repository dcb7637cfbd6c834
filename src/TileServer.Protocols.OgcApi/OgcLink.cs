namespace TileServer.Protocols.OgcApi;

using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>A web link (RFC 8288) as OGC API documents write it: href, rel, type, title.</summary>
public sealed record OgcLink(string Href, string Rel, string Type, string Title)
{
    public JsonObject ToJson() => new() { ["href"] = Href, ["rel"] = Rel, ["type"] = Type, ["title"] = Title };

    public void Write(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteString("href", Href);
        json.WriteString("rel", Rel);
        json.WriteString("type", Type);
        json.WriteString("title", Title);
        json.WriteEndObject();
    }

    public static JsonArray Array(IEnumerable<OgcLink> links) => new([.. links.Select(l => (JsonNode)l.ToJson())]);
}

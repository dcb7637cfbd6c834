namespace TileServer.Caching.Redis.PubSub;

using System.Text.Json;
using TileServer.Core.Caching;
using TileServer.Core.Geometry;

/// <summary>The wire form of a <see cref="CacheInvalidationMessage"/> on the channel: a small JSON object
/// <c>{"v":1,"origin":…,"layer":…,"generation":…,"bbox":[minx,miny,maxx,maxy],"minzoom":…,"maxzoom":…}</c>.
/// Unknown versions and malformed messages decode to null and are ignored.</summary>
public static class InvalidationMessageCodec
{
    private const int Version = 1;

    public static byte[] Encode(CacheInvalidationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteString("origin", message.Origin);
            json.WriteString("layer", message.Layer);
            if (message.Generation is { } generation)
            {
                json.WriteNumber("generation", generation);
            }

            if (message.Bounds is { } box)
            {
                json.WriteStartArray("bbox");
                json.WriteNumberValue(box.MinX);
                json.WriteNumberValue(box.MinY);
                json.WriteNumberValue(box.MaxX);
                json.WriteNumberValue(box.MaxY);
                json.WriteEndArray();
            }

            json.WriteNumber("minzoom", message.MinZoom);
            json.WriteNumber("maxzoom", message.MaxZoom);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static CacheInvalidationMessage? Decode(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            using var document = JsonDocument.ParseValue(ref reader);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("v", out var version) || version.GetInt32() != Version)
            {
                return null;
            }

            long? generation = root.TryGetProperty("generation", out var g) ? g.GetInt64() : null;
            BoundingBox? bounds = null;
            if (root.TryGetProperty("bbox", out var b) && b.GetArrayLength() == 4)
            {
                bounds = new BoundingBox(b[0].GetDouble(), b[1].GetDouble(), b[2].GetDouble(), b[3].GetDouble());
            }

            return new CacheInvalidationMessage(
                root.GetProperty("origin").GetString() ?? "", root.GetProperty("layer").GetString() ?? "",
                generation, bounds, root.GetProperty("minzoom").GetInt32(), root.GetProperty("maxzoom").GetInt32());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }
}

namespace TileServer.Sources.PostGis.Changes;

using System.Text.Json;
using TileServer.Core.Geometry;

/// <summary>Reads the JSON payload sent by <see cref="ChangeTriggerSql.Function"/>. A payload it cannot read
/// is reported as a whole-table change when the table is known, and dropped otherwise: an unreadable
/// message must never leave a stale tile behind.</summary>
internal static class ChangeNotification
{
    public static (string Schema, string Table, IReadOnlyList<BoundingBox>? Boxes, bool Replaced)? Parse(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (!root.TryGetProperty("schema", out var schema) || !root.TryGetProperty("table", out var table)
                || schema.ValueKind != JsonValueKind.String || table.ValueKind != JsonValueKind.String)
                return null;
            bool replaced = root.TryGetProperty("replaced", out var flag) && flag.ValueKind == JsonValueKind.True;
            if (root.TryGetProperty("whole", out _) || !root.TryGetProperty("boxes", out var boxes) || boxes.ValueKind != JsonValueKind.Array)
                return (schema.GetString()!, table.GetString()!, null, replaced);

            var result = new List<BoundingBox>(boxes.GetArrayLength());
            foreach (var box in boxes.EnumerateArray())
            {
                if (box.ValueKind != JsonValueKind.Array || box.GetArrayLength() != 4)
                    return (schema.GetString()!, table.GetString()!, null, false);
                result.Add(new BoundingBox(box[0].GetDouble(), box[1].GetDouble(), box[2].GetDouble(), box[3].GetDouble()));
            }

            return (schema.GetString()!, table.GetString()!, result, false);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}

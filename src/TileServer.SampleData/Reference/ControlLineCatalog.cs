namespace TileServer.SampleData.Reference;

/// <summary>Field lists of the three control lines (yjjbnt, stbhhx, czkfbj) from control_lines.json.</summary>
public static class ControlLineCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<ControlLineField>>> Loaded = new(Load);

    public static IReadOnlyList<ControlLineField> FieldsOf(string key) =>
        Loaded.Value.TryGetValue(key, out var fields) ? fields : throw new ArgumentException($"Unknown control line {key}.", nameof(key));

    private static IReadOnlyDictionary<string, IReadOnlyList<ControlLineField>> Load()
    {
        using var document = EmbeddedInputs.OpenJson(EmbeddedInputs.ControlLines);
        var result = new Dictionary<string, IReadOnlyList<ControlLineField>>(StringComparer.Ordinal);
        foreach (var line in document.RootElement.GetProperty("lines").EnumerateArray())
        {
            var fields = line.GetProperty("fields").EnumerateArray().Select(f => new ControlLineField(
                f.GetProperty("field").GetString()!,
                f.GetProperty("alias_zh").GetString()!,
                f.GetProperty("type").GetString()!,
                f.TryGetProperty("length", out var length) ? length.GetInt32() : null)).ToList();
            result[line.GetProperty("key").GetString()!] = fields;
        }

        return result;
    }
}

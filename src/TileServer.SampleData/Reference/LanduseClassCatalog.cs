namespace TileServer.SampleData.Reference;

/// <summary>The 2023 land- and sea-use classification, read from landuse_classes.json.</summary>
public static class LanduseClassCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, LanduseClass>> Loaded = new(Load);

    public static IReadOnlyDictionary<string, LanduseClass> ByCode => Loaded.Value;

    /// <summary>The Chinese name of a level-2 code; throws for anything else so a typo in the
    /// generator's class tables cannot slip into the data.</summary>
    public static string Level2Name(string code) =>
        ByCode.TryGetValue(code, out var entry) && entry.Level == 2
            ? entry.NameZh
            : throw new ArgumentException($"{code} is not a level-2 land-use code.", nameof(code));

    private static IReadOnlyDictionary<string, LanduseClass> Load()
    {
        using var document = EmbeddedInputs.OpenJson(EmbeddedInputs.LanduseClasses);
        var result = new Dictionary<string, LanduseClass>(StringComparer.Ordinal);
        foreach (var item in document.RootElement.GetProperty("classes").EnumerateArray())
        {
            var parent = item.GetProperty("parent");
            var entry = new LanduseClass(
                item.GetProperty("code").GetString()!,
                item.GetProperty("name_zh").GetString()!,
                item.GetProperty("level").GetInt32(),
                parent.ValueKind == System.Text.Json.JsonValueKind.String ? parent.GetString() : null);
            result[entry.Code] = entry;
        }

        return result;
    }
}

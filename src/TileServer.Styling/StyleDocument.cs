namespace TileServer.Styling;

/// <summary>A parsed, validated style (format: styles/README.md). Rules are tried in order and the first
/// that matches a feature wins, as in SLD/SE and most GIS renderers.</summary>
public sealed class StyleDocument
{
    public required string Id { get; init; }

    /// <summary>Revision of the style, bumped when it changes so clients and caches can tell versions apart.</summary>
    public required int Version { get; init; }

    public required LocalizedText Title { get; init; }

    /// <summary>Default source layer of the rules; null when every rule names its own.</summary>
    public string? SourceLayer { get; init; }

    /// <summary>Where the symbology comes from (free text).</summary>
    public string? Source { get; init; }

    public required IReadOnlyList<StyleRule> Rules { get; init; }

    /// <summary>Parses and validates a style; <paramref name="origin"/> (usually the file name) prefixes errors.</summary>
    /// <exception cref="StyleFormatException">The JSON is malformed or breaks a rule of the format.</exception>
    public static StyleDocument Parse(string json, string origin = "style") => StyleParser.Parse(json, origin);

    /// <summary>Reads and parses a style file.</summary>
    public static StyleDocument Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException exception)
        {
            throw new StyleFormatException($"{path}: {exception.Message}", exception);
        }

        return Parse(text, path);
    }
}

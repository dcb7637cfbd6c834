namespace TileServer.Styling;

/// <summary>The styles of a folder (styles/*.json), loaded once at start-up. Every file is parsed before
/// the registry is returned, and all problems are reported together so one start-up shows them all.</summary>
public sealed class StyleRegistry
{
    private readonly Dictionary<string, StyleDocument> _styles;

    public StyleRegistry(IEnumerable<StyleDocument> styles)
    {
        ArgumentNullException.ThrowIfNull(styles);
        _styles = new Dictionary<string, StyleDocument>(StringComparer.Ordinal);
        foreach (StyleDocument style in styles)
        {
            if (!_styles.TryAdd(style.Id, style))
            {
                throw new StyleFormatException($"style id '{style.Id}' is defined twice.");
            }
        }

        Styles = [.. _styles.Values.OrderBy(style => style.Id, StringComparer.Ordinal)];
    }

    /// <summary>All styles, ordered by id.</summary>
    public IReadOnlyList<StyleDocument> Styles { get; }

    /// <summary>Loads every *.json directly inside <paramref name="directory"/> (sub-folders such as tools/ are ignored).</summary>
    /// <exception cref="StyleFormatException">The folder is missing, or one or more files are invalid (all are listed).</exception>
    public static StyleRegistry LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new StyleFormatException($"{directory}: style folder not found.");
        }

        var styles = new List<StyleDocument>();
        var errors = new List<string>();
        foreach (string path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                styles.Add(StyleDocument.Load(path));
            }
            catch (StyleFormatException exception)
            {
                errors.Add(exception.Message);
            }
        }

        if (errors.Count > 0)
        {
            throw new StyleFormatException(string.Join(Environment.NewLine, errors));
        }

        return new StyleRegistry(styles);
    }

    public bool TryGet(string id, out StyleDocument style) => _styles.TryGetValue(id, out style!);

    public StyleDocument Get(string id) =>
        TryGet(id, out StyleDocument style) ? style : throw new KeyNotFoundException($"Unknown style '{id}'.");
}

namespace TileServer.Cli;

using System.Globalization;

/// <summary>Reads <c>--name value</c> and <c>--flag</c> options of a verb, rejecting unknown ones.</summary>
public sealed class OptionReader
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    public OptionReader(string[] args, IReadOnlySet<string> valued, IReadOnlySet<string> flags)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string name = arg.TrimStart('-');
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unexpected argument '{arg}'");
            }

            if (flags.Contains(name))
            {
                values[name] = null;
            }
            else if (valued.Contains(name))
            {
                if (i + 1 >= args.Length)
                {
                    throw new UsageException($"option '{arg}' needs a value");
                }

                values[name] = args[++i];
            }
            else
            {
                throw new UsageException($"unknown option '{arg}'");
            }
        }
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string? Text(string name) => values.GetValueOrDefault(name);

    public int? Integer(string name) =>
        values.GetValueOrDefault(name) is { } raw
            ? int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw new UsageException($"--{name}: '{raw}' is not an integer")
            : null;

    public double? Number(string name) =>
        values.GetValueOrDefault(name) is { } raw
            ? double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 ? v : throw new UsageException($"--{name}: '{raw}' is not a positive number")
            : null;
}

using System.Globalization;
using System.Text.Json;
using TileServer.Rendering;

namespace TileServer.Styling;

/// <summary>Typed reads from a JSON object that fail with a <see cref="StyleFormatException"/> naming the
/// place in the document (<c>origin: rule 3 ('0101'): fill.color: …</c>).</summary>
internal readonly struct StyleJson
{
    private readonly JsonElement _element;
    private readonly string _place;

    public StyleJson(JsonElement element, string place)
    {
        _place = place;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new StyleFormatException($"{place}: expected a JSON object, found {element.ValueKind}.");
        }

        _element = element;
    }

    public string Place => _place;

    public StyleFormatException Error(string property, string message) =>
        new($"{_place}: {(property.Length == 0 ? string.Empty : property + ": ")}{message}");

    /// <summary>Rejects properties outside <paramref name="allowed"/>, so a typo such as "fillColor" is an
    /// error instead of a silently unstyled feature.</summary>
    public void RejectUnknown(params string[] allowed)
    {
        foreach (JsonProperty property in _element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw Error(property.Name, $"unknown property (allowed: {string.Join(", ", allowed)}).");
            }
        }
    }

    public bool Has(string name) => _element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement Raw(string name) => _element.GetProperty(name);

    public StyleJson Object(string name) =>
        Has(name) ? new StyleJson(_element.GetProperty(name), $"{_place}: {name}") : throw Error(name, "is required.");

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw Error(name, "is required.");

    public string? OptionalString(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        JsonElement value = _element.GetProperty(name);
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw Error(name, "must be a non-empty string.");
        }

        return value.GetString();
    }

    public double? OptionalNumber(string name, double min, double max)
    {
        if (!Has(name))
        {
            return null;
        }

        JsonElement value = _element.GetProperty(name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || number < min || number > max)
        {
            throw Error(name, $"must be a number from {Format(min)} to {Format(max)}, found {value.GetRawText()}.");
        }

        return number;
    }

    public double RequiredNumber(string name, double min, double max) =>
        OptionalNumber(name, min, max) ?? throw Error(name, "is required.");

    public Rgba Color(string name)
    {
        string text = RequiredString(name);
        return Rgba.TryParse(text, out Rgba colour) ? colour : throw Error(name, $"'{text}' is not #RRGGBB or #RRGGBBAA.");
    }

    public List<string> StringArray(string name)
    {
        JsonElement value = _element.GetProperty(name);
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw Error(name, "must be a non-empty array of strings.");
        }

        var items = new List<string>(value.GetArrayLength());
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(item.GetString()))
            {
                throw Error(name, $"must hold non-empty strings, found {item.GetRawText()}.");
            }

            items.Add(item.GetString()!);
        }

        return items;
    }

    public double[]? OptionalPositiveNumbers(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        JsonElement value = _element.GetProperty(name);
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw Error(name, "must be a non-empty array of positive numbers.");
        }

        var numbers = new double[value.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !(item.GetDouble() > 0))
            {
                throw Error(name, $"must hold positive numbers, found {item.GetRawText()}.");
            }

            numbers[i++] = item.GetDouble();
        }

        return numbers;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}

namespace TileServer.Core.Features.Filtering;

using System.Globalization;

/// <summary>A literal in a filter, already converted to the type of the field it is compared with, so
/// sources bind it as a typed parameter and compare numbers as numbers (FES literals arrive as text).</summary>
public readonly record struct FilterValue
{
    private FilterValue(FieldType type, string? text, long integer, double real)
    {
        Type = type;
        Text = text;
        Integer = integer;
        Real = real;
    }

    public FieldType Type { get; }

    public string? Text { get; }

    public long Integer { get; }

    public double Real { get; }

    /// <summary>The value boxed for a database parameter.</summary>
    public object Boxed => Type switch
    {
        FieldType.Integer => Integer,
        FieldType.Real => Real,
        _ => Text!,
    };

    public static FilterValue OfText(string text) => new(FieldType.Text, text ?? throw new ArgumentNullException(nameof(text)), 0, 0);

    public static FilterValue OfInteger(long value) => new(FieldType.Integer, null, value, 0);

    public static FilterValue OfReal(double value) =>
        double.IsFinite(value) ? new(FieldType.Real, null, 0, value) : throw new ArgumentOutOfRangeException(nameof(value), "not a finite number");

    /// <summary>Converts a literal written in a request to the field's type, invariantly; null when it
    /// cannot be (the adapter reports InvalidParameterValue). Integer fields accept integral reals ("3.0").</summary>
    public static FilterValue? Parse(string literal, FieldType type)
    {
        ArgumentNullException.ThrowIfNull(literal);
        string trimmed = literal.Trim();
        switch (type)
        {
            case FieldType.Integer:
                if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
                    return OfInteger(integer);
                return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double integral)
                    && Math.Abs(integral) < 9.0e15 && integral == Math.Floor(integral) ? OfInteger((long)integral) : null;
            case FieldType.Real:
                return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) && double.IsFinite(real)
                    ? OfReal(real) : null;
            default:
                return OfText(literal);
        }
    }

    public override string ToString() => Type switch
    {
        FieldType.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        FieldType.Real => Real.ToString("R", CultureInfo.InvariantCulture),
        _ => Text!,
    };
}

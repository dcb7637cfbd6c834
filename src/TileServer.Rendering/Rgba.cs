using System.Globalization;

namespace TileServer.Rendering;

/// <summary>A straight (non-premultiplied) sRGB colour with 8-bit channels.</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>Fully transparent black — the empty tile background.</summary>
    public static Rgba Transparent => default;

    /// <summary>Parses "#RRGGBB" or "#RRGGBBAA" (CSS Color 4 §5.2 hex notation, long forms only).</summary>
    /// <exception cref="FormatException">The text is not one of the two accepted forms.</exception>
    public static Rgba Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var colour) ? colour : throw new FormatException($"'{text}' is not #RRGGBB or #RRGGBBAA.");

    /// <summary>Non-throwing <see cref="Parse"/>; whitespace around the value is ignored.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Rgba colour)
    {
        colour = default;
        text = text.Trim();
        if (text.Length is not (7 or 9) || text[0] != '#')
        {
            return false;
        }

        Span<byte> channels = stackalloc byte[4];
        channels[3] = 255;
        for (var i = 0; i < (text.Length - 1) / 2; i++)
        {
            if (!byte.TryParse(text.Slice(1 + (2 * i), 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out channels[i]))
            {
                return false;
            }
        }

        colour = new Rgba(channels[0], channels[1], channels[2], channels[3]);
        return true;
    }

    /// <summary>Formats as "#RRGGBBAA" (always the long form so the value round-trips).</summary>
    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}{A:X2}";
}

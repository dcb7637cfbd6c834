using TileServer.Rendering;

namespace TileServer.Styling;

/// <summary>The canvas objects for one rule, built once when the painter is created and shared by every
/// feature the rule selects. Draw order: fill, hatch, stroke.</summary>
public sealed class ResolvedSymbol
{
    internal ResolvedSymbol(StyleRule rule)
    {
        Rule = rule;
        if (rule.Fill is { } fill)
        {
            Fill = new Paint(fill.Color, (float)fill.Opacity);
        }

        if (rule.Hatch is { } hatch)
        {
            Hatch = new HatchStyle
            {
                Paint = new Paint(hatch.Color, (float)hatch.Opacity),
                Spacing = hatch.Spacing,
                LineWidth = hatch.Width,
                AngleDegrees = hatch.AngleDegrees,
            };
        }

        if (rule.Stroke is { } stroke)
        {
            StrokePaint = new Paint(stroke.Color, (float)stroke.Opacity);
            Stroke = new StrokeStyle
            {
                Width = stroke.Width,
                Join = LineJoin.Round,
                Cap = LineCap.Butt,
                DashArray = stroke.DashArray is null ? null : [.. stroke.DashArray],
            };
        }
    }

    public StyleRule Rule { get; }

    public Paint? Fill { get; }

    /// <summary>Hatch anchored at pixel (0, 0); a tile renderer that needs seamless hatching across tiles
    /// creates a copy with the origin set to minus the tile's global pixel offset.</summary>
    public HatchStyle? Hatch { get; }

    public Paint? StrokePaint { get; }

    public StrokeStyle? Stroke { get; }
}

using System.Buffers;
using TileServer.Rendering;
using TileServer.Rendering.Png;

namespace TileServer.Styling;

/// <summary>Draws a style's legend as a grid of swatches, one per rule in rule order, on white. The canvas
/// has no text (no fonts are bundled), so names travel in the JSON legend (<see cref="Legend.ToJson"/>),
/// which also gives each swatch's box: a client lays out the labels in its own language and font.</summary>
public sealed class LegendRenderer
{
    public int Columns { get; init; } = 8;

    public int SwatchWidth { get; init; } = 32;

    public int SwatchHeight { get; init; } = 20;

    public int Padding { get; init; } = 6;

    public Legend Render(StyleDocument style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var painter = new StylePainter(style);
        int count = style.Rules.Count;
        int columns = Math.Min(Columns, count);
        int rows = (count + columns - 1) / columns;
        int width = Padding + (columns * (SwatchWidth + Padding));
        int height = Padding + (rows * (SwatchHeight + Padding));
        var canvas = new RasterCanvas(width, height);
        canvas.Clear(new Rgba(255, 255, 255));
        var path = new VectorPath();
        var entries = new List<LegendEntry>(count);
        for (int i = 0; i < count; i++)
        {
            StyleRule rule = style.Rules[i];
            int x = Padding + (i % columns * (SwatchWidth + Padding));
            int y = Padding + (i / columns * (SwatchHeight + Padding));
            DrawSwatch(canvas, path, painter.SymbolOf(rule.Id), x, y);
            entries.Add(new LegendEntry(rule.Id, rule.Name, rule.SourceLayer, rule.Filter.Values,
                rule.Fill?.Color.ToString(), rule.Fill?.Opacity, rule.Stroke?.Color.ToString(), rule.Hatch?.Color.ToString(),
                x, y, SwatchWidth, SwatchHeight));
        }

        var output = new ArrayBufferWriter<byte>();
        new PngEncoder().Encode(canvas, new PngOptions(), output);
        return new Legend(style, output.WrittenSpan.ToArray(), width, height, entries);
    }

    private void DrawSwatch(RasterCanvas canvas, VectorPath path, ResolvedSymbol symbol, int x, int y)
    {
        path.Reset();
        path.AddRectangle(x, y, SwatchWidth, SwatchHeight);
        if (symbol.Fill is { } fill)
        {
            canvas.FillPath(path, fill);
        }

        if (symbol.Hatch is { } hatch)
        {
            canvas.FillHatch(path, hatch);
        }

        if (symbol.Stroke is { } stroke && symbol.StrokePaint is { } paint)
        {
            // Whole-pixel width on pixel-aligned edges, so a swatch shows the stroke's true colour instead of
            // an anti-aliased blend (a 0.8 px line would never cover a pixel fully).
            double width = Math.Max(1, Math.Round(stroke.Width));
            double inset = width / 2;
            path.Reset();
            path.AddRectangle(x + inset, y + inset, SwatchWidth - width, SwatchHeight - width);
            var legendStroke = new StrokeStyle { Width = width, Join = LineJoin.Miter, DashArray = stroke.DashArray };
            canvas.StrokePath(path, legendStroke, paint);
        }
    }
}

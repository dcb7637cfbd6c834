using TileServer.Rendering;

namespace TileServer.Rendering.Tests.Oracle;

/// <summary>The oracle scene suite (small canvases keep the 256-sample oracle cheap).</summary>
internal static class Scenes
{
    private static readonly Rgba Background = new(250, 245, 230);
    private static readonly Paint Red = new(Rgba.Parse("#E03020"));
    private static readonly Paint Blue = new(Rgba.Parse("#2050C0"));
    private static readonly Paint TranslucentGreen = new(Rgba.Parse("#30A040C0"), 0.8f);

    public static IEnumerable<Scene> All()
    {
        yield return FillScene("sliver", FillRule.NonZero, Red, [[(2.3, 5.1), (60.7, 9.4), (3.1, 5.9)], [(5, 60), (6.2, 2), (6.9, 60.5)]]);
        yield return FillScene("star-nonzero", FillRule.NonZero, Blue, [Geometry.Star(32, 33, 29)]);
        yield return FillScene("star-evenodd", FillRule.EvenOdd, Blue, [Geometry.Star(32.4, 31.7, 29)]);
        yield return FillScene("bowtie-nonzero", FillRule.NonZero, Red, [[(4, 6), (58, 57), (59, 8), (5, 55)]]);
        yield return FillScene("hole-nonzero", FillRule.NonZero, TranslucentGreen,
            [Geometry.RegularPolygon(32, 32, 28, 40), [.. Geometry.RegularPolygon(30.5, 33.2, 12.3, 7).Reverse()]]);
        yield return FillScene("hole-evenodd", FillRule.EvenOdd, Red,
            [[(3.5, 3.5), (60.2, 4.1), (59.7, 60.3), (4.4, 59.8)], [(20.25, 20.75), (40.5, 21), (30.1, 44.9)]]);
        yield return FillScene("huge-coordinates", FillRule.NonZero, Blue, [[(-1e9, -3e8), (2e9, 31.37), (-5e8, 1e9)], [(1e9, 1e9), (1e9 + 1, -1e9), (40.5, 20.5)]]);
        yield return FillScene("tile-edge-clipping", FillRule.NonZero, Red, [[(-20.3, 10.6), (30.2, -15.9), (85.1, 40.2), (20.7, 90.4)]]);
        yield return LayerScene("shared-edges-layer");
        foreach (var join in Enum.GetValues<LineJoin>())
        {
            foreach (var cap in Enum.GetValues<LineCap>())
            {
                yield return StrokeScene($"stroke-thick-{join}-{cap}", new StrokeStyle { Width = 7.5, Join = join, Cap = cap },
                    [[(8.3, 50.2), (20.6, 12.4), (33.1, 48.8), (55.4, 20.2), (40.2, 9.7)]], closed: false);
            }
        }

        yield return StrokeScene("stroke-thin-miter", new StrokeStyle { Width = 1, Join = LineJoin.Miter },
            [[(3.5, 60.2), (31.7, 4.1), (60.3, 58.6)], [(2, 30.5), (62, 33.5)]], closed: false);
        yield return StrokeScene("stroke-hairline-0.4", new StrokeStyle { Width = 0.4 }, [[(2, 2), (61, 40.3)]], closed: false);
        yield return StrokeScene("stroke-closed-bevel", new StrokeStyle { Width = 5, Join = LineJoin.Bevel },
            [Geometry.RegularPolygon(32, 32, 22, 5, 0.3)], closed: true);
        yield return StrokeScene("stroke-miter-limit", new StrokeStyle { Width = 4, Join = LineJoin.Miter, MiterLimit = 2 },
            [[(5, 40), (32, 30), (59, 40)], [(6, 10), (32, 20.5), (6, 28)]], closed: false);
        yield return StrokeScene("dashes-butt", new StrokeStyle { Width = 3, DashArray = [7, 4], DashOffset = 2.5 },
            [[(4.2, 4.7), (58.9, 12.3), (30.1, 59.4)]], closed: false);
        yield return StrokeScene("dashes-round-odd-array", new StrokeStyle { Width = 4, Cap = LineCap.Round, Join = LineJoin.Round, DashArray = [9, 5, 3] },
            [Geometry.RegularPolygon(32, 32, 24, 7)], closed: true);
        yield return HugeDashedStrokeScene();

        // Rings no wider than the stroke, stroked with their outer side only (NarrowRing): sub-pixel parcels as
        // at z8 (both orientations), a non-convex sliver, and a figure-eight sliver, which keeps both sides.
        yield return StrokeScene("stroke-narrow-rings-round", new StrokeStyle { Width = 0.8, Join = LineJoin.Round },
            [[(5.2, 5.1), (5.9, 5.3), (5.6, 5.8)], [(10.4, 20.7), (10.5, 20.1), (11.3, 20.2), (11.1, 20.9)],
             [(30.1, 3.2), (30.8, 3.2), (30.8, 40.5), (50.3, 40.5), (50.3, 41.1), (30.1, 41.2)],
             [(12.2, 50.1), (40.6, 51.3), (40.4, 50.2), (12.5, 51.4)]], closed: true);
        yield return StrokeScene("stroke-narrow-sliver-wide", new StrokeStyle { Width = 3, Join = LineJoin.Round },
            [[(6.3, 10.2), (55.7, 11.9), (56.1, 12.6), (30.2, 11.8), (6.1, 12.0)]], closed: true);
        // Round joins of thin strokes at every kind of turn: within one step of the circumscribed arc (the miter
        // tip), two steps (no trigonometry), more steps, and an almost full reversal; then a wobbly ring of short
        // segments, as parcels are at z12, whose inner side has both meets and pivots.
        yield return StrokeScene("stroke-thin-round-turns", new StrokeStyle { Width = 0.8, Join = LineJoin.Round },
            [[(4.00, 6.00), (11.88, 7.39), (19.13, 10.77), (26.65, 8.03), (30.65, 14.96), (35.79, 8.83), (35.79, 16.83), (36.49, 8.86), (43.74, 5.48)]], closed: false);
        yield return StrokeScene("stroke-thin-round-ring", new StrokeStyle { Width = 1.5, Join = LineJoin.Round },
            [[(53.00, 44.00), (52.75, 45.22), (52.50, 46.39), (52.16, 47.50), (51.50, 48.50), (50.48, 49.36), (49.35, 50.06), (48.33, 50.58), (47.33, 50.89),
              (46.13, 51.00), (44.75, 50.89), (43.46, 50.58), (42.45, 50.06), (41.62, 49.36), (40.75, 48.50), (39.88, 47.50), (39.27, 46.39), (39.08, 45.22),
              (39.13, 44.00), (39.21, 42.78), (39.35, 41.61), (39.79, 40.50), (40.63, 39.50), (41.64, 38.64), (42.59, 37.94), (43.51, 37.42), (44.64, 37.11),
              (46.01, 37.00), (47.36, 37.11), (48.46, 37.42), (49.39, 37.94), (50.37, 38.64), (51.40, 39.50), (52.21, 40.50), (52.63, 41.61), (52.77, 42.78)]], closed: true);
        // Centre lines with several vertices per pixel, as parcel boundaries are at low zooms: the stroke is drawn
        // from the line simplified within 0.05 px, the reference from every vertex.
        yield return StrokeScene("stroke-dense-vertices-ring", new StrokeStyle { Width = 0.8, Join = LineJoin.Round },
            [[.. Enumerable.Range(0, 720).Select(i => (32.3 + (20 * Math.Cos(i * Math.PI / 360)) + (0.03 * Math.Sin(i * 2.1)), 31.8 + (17 * Math.Sin(i * Math.PI / 360))))]], closed: true);
        yield return StrokeScene("stroke-dense-vertices-wobble", new StrokeStyle { Width = 1.5, Join = LineJoin.Miter },
            [[.. Enumerable.Range(0, 560).Select(i => (4 + (i * 0.1), 30 + (9 * Math.Sin(i * 0.025)) + (0.045 * Math.Sin(i * 1.3))))]], closed: false);
        yield return HatchScene("hatch-45", new HatchStyle { Paint = Blue, Spacing = 6, LineWidth = 2, AngleDegrees = 45 });
        yield return HatchScene("hatch-0-translucent", new HatchStyle { Paint = TranslucentGreen, Spacing = 5.5, LineWidth = 1.3, AngleDegrees = 0, OriginY = 0.4 });
    }

    private static Scene FillScene(string name, FillRule rule, Paint paint, (double X, double Y)[][] rings) =>
        new(name, 64, 64,
            canvas =>
            {
                canvas.Clear(Background);
                canvas.FillPath(Geometry.ToPath(rings), paint, rule);
            },
            reference =>
            {
                reference.Clear(Background);
                reference.Fill(Geometry.Polygon(rings, rule), paint);
            });

    private static Scene StrokeScene(string name, StrokeStyle style, (double X, double Y)[][] lines, bool closed) =>
        new(name, 64, 64,
            canvas =>
            {
                canvas.Clear(Background);
                canvas.StrokePath(Geometry.ToPath(lines, closed), style, Red);
            },
            reference =>
            {
                reference.Clear(Background);
                reference.Fill(new ReferenceStroke(lines, closed, style).Contains, Red);
            });

    /// <summary>
    /// A dashed 2.8e9-pixel diagonal. The oracle walks dashes one by one, so it gets the same line trimmed to
    /// the canvas neighbourhood with the dash offset advanced by the trimmed length.
    /// </summary>
    private static Scene HugeDashedStrokeScene()
    {
        var style = new StrokeStyle { Width = 6, DashArray = [10, 6], DashOffset = 1.5 };
        (double X, double Y)[][] line = [[(-1e9, -1e9 + 3.3), (1e9, 1e9 + 3.3)]];
        var trimmedLength = (1e9 - 50) * Math.Sqrt(2);
        var referenceStyle = new StrokeStyle { Width = 6, DashArray = [10, 6], DashOffset = (style.DashOffset + trimmedLength) % 16 };
        (double X, double Y)[][] trimmed = [[(-50, -50 + 3.3), (120, 120 + 3.3)]];
        return new("stroke-huge-coordinates", 64, 64,
            canvas =>
            {
                canvas.Clear(Background);
                canvas.StrokePath(Geometry.ToPath(line, close: false), style, Red);
            },
            reference =>
            {
                reference.Clear(Background);
                reference.Fill(new ReferenceStroke(trimmed, closed: false, referenceStyle).Contains, Red);
            });
    }

    private static Scene HatchScene(string name, HatchStyle hatch)
    {
        (double X, double Y)[][] rings = [Geometry.RegularPolygon(30, 34, 26, 9, 0.2), [.. Geometry.RegularPolygon(34, 30, 9, 6).Reverse()]];
        var inPolygon = Geometry.Polygon(rings, FillRule.NonZero);
        var angle = hatch.AngleDegrees * Math.PI / 180;
        bool OnLine(double x, double y)
        {
            var distance = ((x - hatch.OriginX) * -Math.Sin(angle)) + ((y - hatch.OriginY) * Math.Cos(angle));
            var offset = distance - (Math.Round(distance / hatch.Spacing) * hatch.Spacing);
            return Math.Abs(offset) <= hatch.LineWidth / 2;
        }

        return new(name, 64, 64,
            canvas =>
            {
                canvas.Clear(Background);
                canvas.FillHatch(Geometry.ToPath(rings), hatch);
            },
            reference =>
            {
                reference.Clear(Background);
                reference.Fill((x, y) => inPolygon(x, y) && OnLine(x, y), hatch.Paint);
            });
    }

    private static Scene LayerScene(string name)
    {
        // Three parcels sharing edges at fractional positions (one with a shared diagonal edge).
        (double X, double Y)[][] left = [[(3.3, 4.6), (29.37, 4.6), (29.37, 58.2), (3.3, 58.2)]];
        (double X, double Y)[][] upperRight = [[(29.37, 4.6), (60.8, 4.6), (29.37, 58.2)]];
        (double X, double Y)[][] lowerRight = [[(60.8, 4.6), (60.8, 58.2), (29.37, 58.2)]];
        var parts = new[] { (left, Red), (upperRight, Blue), (lowerRight, TranslucentGreen) };
        return new(name, 64, 64,
            canvas =>
            {
                canvas.Clear(Background);
                canvas.BeginLayer();
                foreach (var (rings, paint) in parts)
                {
                    canvas.FillPath(Geometry.ToPath(rings), paint);
                }

                canvas.EndLayer();
            },
            reference =>
            {
                reference.Clear(Background);
                reference.FillLayer([.. parts.Select(p => (Geometry.Polygon(p.Item1, FillRule.NonZero), p.Item2))]);
            });
    }
}

namespace TileServer.Rendering;

/// <summary>Geometry of a stroke; immutable, so one instance can be shared by all features of a style.</summary>
public sealed class StrokeStyle
{
    /// <summary>Full stroke width in pixels.</summary>
    public double Width { get; init; } = 1;

    /// <summary>Corner shape.</summary>
    public LineJoin Join { get; init; } = LineJoin.Miter;

    /// <summary>End shape of open subpaths and of every dash.</summary>
    public LineCap Cap { get; init; } = LineCap.Butt;

    /// <summary>Maximum miter length / stroke width before a miter join becomes a bevel (SVG default 4).</summary>
    public double MiterLimit { get; init; } = 4;

    /// <summary>
    /// Alternating dash/gap lengths in pixels; null or empty draws a solid line. An odd count is repeated
    /// to make it even (SVG 1.1 §11.4 'stroke-dasharray').
    /// </summary>
    public double[]? DashArray { get; init; }

    /// <summary>Distance into the dash pattern at which each subpath starts.</summary>
    public double DashOffset { get; init; }
}

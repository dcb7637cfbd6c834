namespace TileServer.Rendering;

/// <summary>
/// Parallel-line hatching used by planning maps for e.g. restricted zones. Lines are anchored at
/// (<see cref="OriginX"/>, <see cref="OriginY"/>) so neighbouring tiles continue the same pattern when
/// the origin is set to minus the tile's pixel offset in the global pixel space.
/// </summary>
public sealed class HatchStyle
{
    /// <summary>Colour and opacity of the hatch lines.</summary>
    public Paint Paint { get; init; } = new(new Rgba(0, 0, 0));

    /// <summary>Distance between the centre lines of neighbouring hatch lines, in pixels (must be &gt; 0).</summary>
    public double Spacing { get; init; } = 8;

    /// <summary>Width of each hatch line in pixels.</summary>
    public double LineWidth { get; init; } = 1;

    /// <summary>Direction of the lines in degrees, clockwise from the +x axis (y points down); 45 = "\".</summary>
    public double AngleDegrees { get; init; } = 45;

    /// <summary>X of a point that lies on the centre line of a hatch line.</summary>
    public double OriginX { get; init; }

    /// <summary>Y of a point that lies on the centre line of a hatch line.</summary>
    public double OriginY { get; init; }
}

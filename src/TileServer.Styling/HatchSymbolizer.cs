using TileServer.Rendering;

namespace TileServer.Styling;

/// <summary>Parallel hatch lines inside a polygon: spacing and width in pixels, angle in degrees clockwise
/// from the +x axis (45 draws "\"), as <see cref="HatchStyle"/> defines it.</summary>
public sealed record HatchSymbolizer(Rgba Color, double Spacing, double AngleDegrees, double Width, double Opacity);

using TileServer.Rendering;

namespace TileServer.Styling;

/// <summary>Outline or line. <see cref="Width"/> and <see cref="DashArray"/> are in pixels, as in SVG and
/// the raster canvas; the MapLibre builder converts the dashes to MapLibre's line-width units.</summary>
public sealed record StrokeSymbolizer(Rgba Color, double Width, double Opacity, IReadOnlyList<double>? DashArray);

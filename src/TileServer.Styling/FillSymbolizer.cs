using TileServer.Rendering;

namespace TileServer.Styling;

/// <summary>Solid polygon fill.</summary>
public sealed record FillSymbolizer(Rgba Color, double Opacity);

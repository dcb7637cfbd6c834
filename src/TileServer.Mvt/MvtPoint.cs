namespace TileServer.Mvt;

/// <summary>A decoded vertex in integer tile coordinates (x right, y down).</summary>
public readonly record struct MvtPoint(int X, int Y);

namespace TileServer.EndToEnd.Tests;

/// <summary>What the composed map canvas holds: its size, how many pixels are not background white, and the
/// RGB colour of its centre pixel.</summary>
public sealed record MapPixels(int Width, int Height, int Painted, int[] Centre)
{
    public double PaintedShare => (double)Painted / (Width * Height);
}

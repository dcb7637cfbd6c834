namespace TileServer.EndToEnd.Tests;

/// <summary>What the composed map canvas holds: its size and how many pixels are not background white.</summary>
public sealed record MapPixels(int Width, int Height, int Painted)
{
    public double PaintedShare => (double)Painted / (Width * Height);
}

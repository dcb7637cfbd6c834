using TileServer.Rendering;

namespace TileServer.Rendering.Tests.Oracle;

/// <summary>A test scene drawn once by the production canvas and once by the oracle.</summary>
internal sealed record Scene(string Name, int Width, int Height, Action<RasterCanvas> Render, Action<ReferenceRenderer> Reference)
{
    public override string ToString() => Name;
}

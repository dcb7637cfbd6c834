namespace TileServer.SampleData.Landscape;

/// <summary>A town placed in the unit's Gauss-Krüger plane. <see cref="Radius"/> is the radius of a disc
/// with the planned built-up area.</summary>
internal sealed record Town(string Name, double X, double Y, double BuiltUpM2, bool IsSeat)
{
    public double Radius => Math.Sqrt(BuiltUpM2 / Math.PI);

    public double DistanceTo(double x, double y) => Math.Sqrt(((x - X) * (x - X)) + ((y - Y) * (y - Y)));
}

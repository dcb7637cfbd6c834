namespace TileServer.Mvt.Geometry;

/// <summary>The buffered tile rectangle [-Buffer, Extent + Buffer]² in extent units (inclusive).</summary>
internal readonly record struct ClipBox(double Min, double Max)
{
    public bool Contains(double x, double y) => x >= Min && x <= Max && y >= Min && y <= Max;
}

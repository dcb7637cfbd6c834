namespace TileServer.Core.Geometry;

/// <summary>An axis-aligned box in one CRS, always stored as (min x, min y, max x, max y) in the CRS's
/// east/north order regardless of the CRS's declared axis order; protocol adapters swap at the edge.</summary>
public readonly record struct BoundingBox(double MinX, double MinY, double MaxX, double MaxY)
{
    public double Width => MaxX - MinX;
    public double Height => MaxY - MinY;
    public bool IsEmpty => !(MaxX >= MinX && MaxY >= MinY);

    public static BoundingBox Empty => new(double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity, double.NegativeInfinity);

    public bool Intersects(in BoundingBox other) =>
        MinX <= other.MaxX && other.MinX <= MaxX && MinY <= other.MaxY && other.MinY <= MaxY;

    public bool Contains(double x, double y) => x >= MinX && x <= MaxX && y >= MinY && y <= MaxY;

    public BoundingBox ExpandToInclude(double x, double y) =>
        new(Math.Min(MinX, x), Math.Min(MinY, y), Math.Max(MaxX, x), Math.Max(MaxY, y));

    public BoundingBox ExpandToInclude(in BoundingBox other) =>
        other.IsEmpty ? this : IsEmpty ? other :
        new(Math.Min(MinX, other.MinX), Math.Min(MinY, other.MinY), Math.Max(MaxX, other.MaxX), Math.Max(MaxY, other.MaxY));

    public BoundingBox Buffer(double dx, double dy) => new(MinX - dx, MinY - dy, MaxX + dx, MaxY + dy);
}

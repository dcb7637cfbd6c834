namespace TileServer.Mvt.Geometry;

/// <summary>One ring or line of an <see cref="MvtGeometry"/>: where its points start and whether it opens a new polygon.</summary>
internal readonly record struct GeometryPart(int Start, bool StartsPolygon);

namespace TileServer.Services.Planning;

using NetTopologySuite.Geometries;

/// <summary>One connected overlap between two control lines in a unit: <see cref="LineA"/> before
/// <see cref="LineB"/> in the order yjjbnt, stbhhx, czkfbj; area in m² (Gauss-Krüger plane); location an
/// interior point and <see cref="Geometry"/> the overlap, both CGCS2000 lon/lat.</summary>
public sealed record ControlLineConflict(
    string Bsm, string Xzqdm, string LineA, string LineB, double AreaM2, double Lon, double Lat, Geometry Geometry);

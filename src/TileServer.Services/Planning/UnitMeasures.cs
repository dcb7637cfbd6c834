namespace TileServer.Services.Planning;

/// <summary>Measured areas of one county-level unit in m², planar in its Gauss-Krüger zone
/// <see cref="Crs"/> (e.g. "EPSG:4549").</summary>
public sealed record UnitMeasures(
    string Code,
    string Name,
    string Crs,
    double FarmlandM2,
    double PermanentBasicFarmlandM2,
    double RedlineM2,
    double GrasslandM2,
    double UrbanBoundaryM2,
    double UrbanLand2020M2);

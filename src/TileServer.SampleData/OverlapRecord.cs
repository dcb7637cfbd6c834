namespace TileServer.SampleData;

/// <summary>A deliberate overlap between two control lines: the layers, the unit, the centroid of the
/// overlapping area in lon/lat and its GK area in m².</summary>
public sealed record OverlapRecord(string FirstLayer, string SecondLayer, string UnitCode, double Lon, double Lat, double AreaM2);

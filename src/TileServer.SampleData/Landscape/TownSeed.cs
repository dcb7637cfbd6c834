namespace TileServer.SampleData.Landscape;

/// <summary>An approximate real town location and its planned 2035 built-up area.</summary>
internal sealed record TownSeed(string Name, double Lon, double Lat, double BuiltUpKm2, bool IsSeat);

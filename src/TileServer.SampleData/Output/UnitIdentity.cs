namespace TileServer.SampleData.Output;

/// <summary>Names of a unit used in attributes.</summary>
internal sealed record UnitIdentity(string Code, string Name, string CityCode, string CityName, string Province);

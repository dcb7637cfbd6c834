namespace TileServer.Services.Planning;

/// <summary>A conflict as listed in the indicators output: the pair of lines, area in m² and location (lon/lat).</summary>
public sealed record ConflictItem(string Bsm, string Xzqdm, string LineA, string LineB, double AreaM2, double Lon, double Lat)
{
    public static ConflictItem From(ControlLineConflict conflict) => new(
        conflict.Bsm, conflict.Xzqdm, conflict.LineA, conflict.LineB, Math.Round(conflict.AreaM2, 2),
        Math.Round(conflict.Lon, 6), Math.Round(conflict.Lat, 6));
}

namespace TileServer.Services.Planning;

using NetTopologySuite.Geometries;

/// <summary>Running sums of one unit while the layers are read, and its control-line polygons in the
/// Gauss-Krüger plane for the conflict overlay.</summary>
internal sealed class UnitAccumulator(UnitZone zone)
{
    public UnitZone Zone { get; } = zone;

    public double Farmland { get; set; }

    public double PermanentBasicFarmland { get; set; }

    public double Redline { get; set; }

    public double Grassland { get; set; }

    public double UrbanBoundary { get; set; }

    public double UrbanLand2020 { get; set; }

    public Dictionary<string, List<Geometry>> ControlLines { get; } = new(StringComparer.Ordinal);

    public UnitMeasures ToMeasures() => new(
        Zone.Code, Zone.Name, Zone.Crs.ShortForm, Farmland, PermanentBasicFarmland, Redline, Grassland, UrbanBoundary, UrbanLand2020);
}

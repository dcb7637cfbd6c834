namespace TileServer.SampleData;

/// <summary>Raw per-unit totals in m² (GK areas) and counts, from which the indicators are computed.</summary>
public sealed record UnitSummary(
    string Code, string Name, int CentralMeridian, int Parcels, double UnitArea, double Farmland, double PermanentBasicFarmland,
    double Redline, double Grassland, double UrbanBoundary, double UrbanLand2020)
{
    public double ExpansionMultiple => UrbanLand2020 > 0 ? UrbanBoundary / UrbanLand2020 : 0;
}

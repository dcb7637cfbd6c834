namespace TileServer.Services.Planning;

using TileServer.Core.Crs;

/// <summary>A unit's name and its CGCS2000 3-degree Gauss-Krüger zone (chosen by the longitude of the unit's
/// centroid, the rule of the sample generator and of tile_grids.json), with transformers both ways. Not
/// thread-safe, like <see cref="CrsTransformer"/>.</summary>
internal sealed class UnitZone
{
    public UnitZone(string code, string name, double centroidLongitude)
    {
        Code = code;
        Name = name;
        Crs = CrsRegistry.GaussKrugerFor(centroidLongitude);
        ToPlane = CrsTransformer.FromStorage(Crs);
        ToLonLat = CrsTransformer.ToStorage(Crs);
    }

    public string Code { get; }

    public string Name { get; }

    public CoordinateReferenceSystem Crs { get; }

    public CrsTransformer ToPlane { get; }

    public CrsTransformer ToLonLat { get; }
}

namespace TileServer.Admin;

/// <summary>JSON body of <c>POST /admin/cache/purge</c>: {"layer": "ghyd", "bbox": [minLon, minLat, maxLon, maxLat], "minzoom": 10, "maxzoom": 16}.</summary>
public sealed record PurgeBody
{
    public string? Layer { get; init; }
    public double[]? Bbox { get; init; }
    public int? MinZoom { get; init; }
    public int? MaxZoom { get; init; }
}

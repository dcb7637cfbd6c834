namespace TileServer.Benchmarks;

/// <summary>The representative places of issue 4 item 6 in the default sample of 平泉市: the county seat
/// (dense built-up parcels), a forest (few large parcels) and the county boundary (half-empty tiles cut by
/// the unit outline). Forest: inside the largest 0301 (乔木林地) parcel; boundary: the western edge of the unit at 41.00°N — both read from the generated sample (default seed) with ogrinfo.</summary>
public static class BenchmarkPlaces
{
    public static (double Longitude, double Latitude) Of(string place) => place switch
    {
        "seat" => (BenchmarkData.SeatLongitude, BenchmarkData.SeatLatitude),
        "forest" => (ForestLongitude, ForestLatitude),
        "boundary" => (BoundaryLongitude, BoundaryLatitude),
        _ => throw new ArgumentOutOfRangeException(nameof(place), place, "unknown place"),
    };

    public const double ForestLongitude = 118.796;
    public const double ForestLatitude = 41.22;
    public const double BoundaryLongitude = 118.373;
    public const double BoundaryLatitude = 41.00;

    public static readonly string[] Names = ["seat", "forest", "boundary"];
}

namespace TileServer.SampleData.Reference;

using System.Text.Json;
using NetTopologySuite.Geometries;

/// <summary>The 16 county-level units of the sample, in file order.</summary>
public static class CountyBoundaryCatalog
{
    private static readonly Lazy<IReadOnlyList<CountyBoundary>> Loaded = new(Load);

    public static IReadOnlyList<CountyBoundary> All => Loaded.Value;

    public static CountyBoundary Get(string code) =>
        All.FirstOrDefault(b => b.Code == code) ?? throw new ArgumentException($"Unknown unit code {code}.", nameof(code));

    private static IReadOnlyList<CountyBoundary> Load()
    {
        using var document = EmbeddedInputs.OpenJson(EmbeddedInputs.CountyBoundaries);
        var factory = new GeometryFactory(new PrecisionModel(), 4490);
        var result = new List<CountyBoundary>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var geometry = feature.GetProperty("geometry");
            if (geometry.GetProperty("type").GetString() != "Polygon")
            {
                throw new InvalidOperationException("Every sample unit is expected to be a single polygon.");
            }

            var rings = geometry.GetProperty("coordinates").EnumerateArray().Select(r => factory.CreateLinearRing(ReadRing(r))).ToList();
            var polygon = factory.CreatePolygon(rings[0], rings.Skip(1).ToArray());
            result.Add(new CountyBoundary(
                properties.GetProperty("XZQDM").GetString()!,
                properties.GetProperty("XZQMC").GetString()!,
                properties.GetProperty("SJXZQDM").GetString()!,
                properties.GetProperty("SJXZQMC").GetString()!,
                properties.GetProperty("SJMC").GetString()!,
                polygon));
        }

        return result;
    }

    private static Coordinate[] ReadRing(JsonElement ring) =>
        ring.EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble())).ToArray();
}

namespace TileServer.Core.Crs;

using System.Globalization;
using TileServer.Core.Tiling;

/// <summary>The CRSs the server speaks: CGCS2000 geographic (EPSG:4490, the storage CRS), WGS 84 (EPSG:4326,
/// and OGC CRS84), Web Mercator (EPSG:3857) and the 42 CGCS2000 3-degree Gauss-Krüger CRSs: EPSG:4513–4533
/// (zones 25–45, false easting n·10⁶ + 500 000 m) and EPSG:4534–4554 (central meridians 75°E–135°E, false
/// easting 500 000 m). Numbers as in the EPSG dataset (checked against PROJ's proj.db with projinfo).</summary>
public static class CrsRegistry
{
    public const int FirstZonedGaussKruger = 4513;
    public const int LastZonedGaussKruger = 4533;
    public const int FirstCentralMeridianGaussKruger = 4534;
    public const int LastCentralMeridianGaussKruger = 4554;

    /// <summary>CGCS2000 per the EPSG dataset: GRS 1980-like ellipsoid a = 6378137 m, 1/f = 298.257222101.</summary>
    internal const string Cgcs2000Wkt =
        "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]]," +
        "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4490\"]]";

    public static CoordinateReferenceSystem Cgcs2000 { get; } =
        new("EPSG", "4490", "China Geodetic Coordinate System 2000", true, CrsAxisOrder.NorthEast, Cgcs2000Wkt);

    public static CoordinateReferenceSystem Wgs84 { get; } = new("EPSG", "4326", "WGS 84", true, CrsAxisOrder.NorthEast, null);

    public static CoordinateReferenceSystem Crs84 { get; } = new("OGC", "CRS84", "WGS 84 longitude-latitude", true, CrsAxisOrder.EastNorth, null);

    public static CoordinateReferenceSystem WebMercator { get; } = new("EPSG", "3857", "WGS 84 / Pseudo-Mercator", false, CrsAxisOrder.EastNorth, null);

    private static readonly Dictionary<string, CoordinateReferenceSystem> ByShortForm = Build();

    /// <summary>Every supported CRS, storage CRS first (capabilities list the others as OtherCRS).</summary>
    public static IReadOnlyList<CoordinateReferenceSystem> All { get; } =
        [Cgcs2000, Wgs84, Crs84, WebMercator, .. Enumerable.Range(FirstZonedGaussKruger, LastCentralMeridianGaussKruger - FirstZonedGaussKruger + 1).Select(GaussKruger)];

    /// <summary>Looks up an EPSG code; null when the server does not support it.</summary>
    public static CoordinateReferenceSystem? FindEpsg(int code) =>
        ByShortForm.GetValueOrDefault("EPSG:" + code.ToString(CultureInfo.InvariantCulture));

    /// <summary>The CGCS2000 3-degree Gauss-Krüger CRS without zone prefix whose zone holds a longitude
    /// (zone n = floor((lon + 1.5) / 3), central meridian 3n), e.g. 118.7°E → EPSG:4549 (CM 120°E).</summary>
    public static CoordinateReferenceSystem GaussKrugerFor(double longitude)
    {
        int zone = (int)Math.Floor((longitude + 1.5) / 3.0);
        int code = FirstCentralMeridianGaussKruger + zone - 25;
        return FindEpsg(code) ?? throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "outside the CGCS2000 3-degree zones 25–45 (73.5°E–136.5°E)");
    }

    /// <summary>Parses the CRS names clients send: "EPSG:4490", "urn:ogc:def:crs:EPSG::4490",
    /// "urn:ogc:def:crs:EPSG:6.3:4490", "urn:x-ogc:def:crs:EPSG:4490", "http://www.opengis.net/def/crs/EPSG/0/4490"
    /// (also https, and the gml/srs form "http://www.opengis.net/gml/srs/epsg.xml#4490" as short form),
    /// "CRS84", "OGC:CRS84", their URN and URI forms. Case-insensitive. False when unknown or malformed.</summary>
    public static bool TryParse(string? text, out CrsReference reference)
    {
        reference = null!;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        string value = text.Trim();
        var (authority, code, form) = Split(value);
        if (authority is null || code is null)
            return false;
        if (!ByShortForm.TryGetValue($"{authority.ToUpperInvariant()}:{code.ToUpperInvariant()}", out var crs))
            return false;
        reference = new CrsReference(crs, form);
        return true;
    }

    private static (string? Authority, string? Code, CrsForm Form) Split(string value)
    {
        const string Urn = "urn:ogc:def:crs:", LegacyUrn = "urn:x-ogc:def:crs:", GmlSrs = "http://www.opengis.net/gml/srs/epsg.xml#";
        if (value.StartsWith(Urn, StringComparison.OrdinalIgnoreCase) || value.StartsWith(LegacyUrn, StringComparison.OrdinalIgnoreCase))
        {
            // urn:ogc:def:crs:{authority}:{version}:{code}; the version may be empty; urn:x-ogc allows no version part.
            string[] parts = value[(value.StartsWith(Urn, StringComparison.OrdinalIgnoreCase) ? Urn.Length : LegacyUrn.Length)..].Split(':');
            return parts.Length switch
            {
                3 => (parts[0], parts[2], CrsForm.Urn),
                2 => (parts[0], parts[1], CrsForm.Urn),
                _ => (null, null, CrsForm.Urn),
            };
        }

        if (value.StartsWith(GmlSrs, StringComparison.OrdinalIgnoreCase))
            return ("EPSG", value[GmlSrs.Length..], CrsForm.Short);

        foreach (string prefix in (string[])["http://www.opengis.net/def/crs/", "https://www.opengis.net/def/crs/"])
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                string[] parts = value[prefix.Length..].Split('/');
                return parts.Length == 3 ? (parts[0], parts[2], CrsForm.Uri) : (null, null, CrsForm.Uri);
            }
        }

        if (value.Equals("CRS84", StringComparison.OrdinalIgnoreCase))
            return ("OGC", "CRS84", CrsForm.Short);

        int colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < value.Length - 1 && value.IndexOf(':', colon + 1) < 0
            ? (value[..colon], value[(colon + 1)..], CrsForm.Short)
            : (null, null, CrsForm.Short);
    }

    private static Dictionary<string, CoordinateReferenceSystem> Build()
    {
        var all = new Dictionary<string, CoordinateReferenceSystem>(StringComparer.Ordinal);
        foreach (var crs in new[] { Cgcs2000, Wgs84, Crs84, WebMercator })
            all[crs.ShortForm] = crs;
        for (int code = FirstZonedGaussKruger; code <= LastCentralMeridianGaussKruger; code++)
            all["EPSG:" + code.ToString(CultureInfo.InvariantCulture)] = GaussKruger(code);
        return all;
    }

    private static CoordinateReferenceSystem GaussKruger(int code)
    {
        bool zoned = code <= LastZonedGaussKruger;
        int zone = zoned ? code - FirstZonedGaussKruger + 25 : code - FirstCentralMeridianGaussKruger + 25;
        int centralMeridian = 3 * zone;
        double falseEasting = zoned ? zone * 1_000_000.0 + 500_000.0 : 500_000.0;
        string name = zoned
            ? $"CGCS2000 / 3-degree Gauss-Kruger zone {zone}"
            : $"CGCS2000 / 3-degree Gauss-Kruger CM {centralMeridian}E";
        string wkt = string.Create(CultureInfo.InvariantCulture,
            $"PROJCS[\"{name}\",{Cgcs2000Wkt},PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0]," +
            $"PARAMETER[\"central_meridian\",{centralMeridian}],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",{falseEasting}]," +
            $"PARAMETER[\"false_northing\",0],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"{code}\"]]");
        // EPSG 4513–4554 use the EPSG "X north, Y east" axis convention of Chinese surveying.
        return new CoordinateReferenceSystem("EPSG", code.ToString(CultureInfo.InvariantCulture), name, false, CrsAxisOrder.NorthEast, wkt);
    }
}

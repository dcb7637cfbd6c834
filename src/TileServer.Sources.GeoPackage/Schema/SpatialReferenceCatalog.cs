namespace TileServer.Sources.GeoPackage.Schema;

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

/// <summary>The spatial reference systems the writer can declare. GeoPackage 1.3 §1.1.2.1.2 requires
/// rows -1, 0 and 4326; the others are the CRSs of Chinese planning data: CGCS2000 geographic
/// (EPSG:4490), its 3-degree Gauss-Krüger zones and Web Mercator. Definitions are OGC WKT 1 as
/// published by EPSG, so GDAL/QGIS recognise them.</summary>
internal static class SpatialReferenceCatalog
{
    private const string Cgcs2000Wkt =
        "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\"," +
        "SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]]," +
        "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]," +
        "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4490\"]]";

    private const string Wgs84Wkt =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]]," +
        "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]]," +
        "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST]," +
        "AUTHORITY[\"EPSG\",\"4326\"]]";

    private const string WebMercatorWkt =
        "PROJCS[\"WGS 84 / Pseudo-Mercator\"," + Wgs84Wkt + ",PROJECTION[\"Mercator_1SP\"]," +
        "PARAMETER[\"central_meridian\",0],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0]," +
        "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST]," +
        "AXIS[\"Northing\",NORTH],EXTENSION[\"PROJ4\",\"+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs\"]," +
        "AUTHORITY[\"EPSG\",\"3857\"]]";

    /// <summary>EPSG:4513..4533: CGCS2000 3-degree Gauss-Krüger zones 25..45 (zone number prefixed to
    /// the false easting); EPSG:4534..4554: the same zones by central meridian 75E..135E.</summary>
    private const int FirstZonePrefixedCode = 4513;
    private const int FirstCentralMeridianCode = 4534;
    private const int ZoneCount = 21;

    /// <summary>The rows every GeoPackage must contain (GeoPackage 1.3 §1.1.2.1.2).</summary>
    public static IReadOnlyList<SpatialReferenceDefinition> Required { get; } =
    [
        new("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
        new("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
        new("WGS 84 geodetic", 4326, "EPSG", 4326, Wgs84Wkt, "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
    ];

    public static bool TryGet(int srid, [NotNullWhen(true)] out SpatialReferenceDefinition? definition)
    {
        definition = srid switch
        {
            -1 or 0 or 4326 => Required.First(d => d.SrsId == srid),
            4490 => new("China Geodetic Coordinate System 2000", 4490, "EPSG", 4490, Cgcs2000Wkt,
                "CGCS2000 longitude/latitude in decimal degrees"),
            3857 => new("WGS 84 / Pseudo-Mercator", 3857, "EPSG", 3857, WebMercatorWkt, "Web Mercator in metres"),
            >= FirstZonePrefixedCode and < FirstZonePrefixedCode + ZoneCount => GaussKruger(srid, zonePrefixed: true),
            >= FirstCentralMeridianCode and < FirstCentralMeridianCode + ZoneCount => GaussKruger(srid, zonePrefixed: false),
            _ => null,
        };
        return definition is not null;
    }

    private static SpatialReferenceDefinition GaussKruger(int srid, bool zonePrefixed)
    {
        var zone = 25 + srid - (zonePrefixed ? FirstZonePrefixedCode : FirstCentralMeridianCode);
        var centralMeridian = zone * 3;
        var name = zonePrefixed
            ? $"CGCS2000 / 3-degree Gauss-Kruger zone {zone}"
            : $"CGCS2000 / 3-degree Gauss-Kruger CM {centralMeridian}E";
        var falseEasting = zonePrefixed ? zone * 1_000_000 + 500_000 : 500_000;
        // EPSG defines these CRSs with northing first (axis X = north), hence the AXIS order below.
        var wkt = string.Create(CultureInfo.InvariantCulture,
            $"PROJCS[\"{name}\",{Cgcs2000Wkt},PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0]," +
            $"PARAMETER[\"central_meridian\",{centralMeridian}],PARAMETER[\"scale_factor\",1]," +
            $"PARAMETER[\"false_easting\",{falseEasting}],PARAMETER[\"false_northing\",0]," +
            $"UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST]," +
            $"AUTHORITY[\"EPSG\",\"{srid}\"]]");
        return new(name, srid, "EPSG", srid, wkt, $"CGCS2000 transverse Mercator, central meridian {centralMeridian}E, metres");
    }
}

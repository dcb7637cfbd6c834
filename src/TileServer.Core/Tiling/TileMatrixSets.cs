namespace TileServer.Core.Tiling;

/// <summary>The tile matrix sets the server knows, built from exact formulas in double precision so
/// every cell size and scale denominator equals the published value (data/reference/tile_grids.json).</summary>
public static class TileMatrixSets
{
    /// <summary>The OGC standardized rendering pixel, 0.28 mm (WMTS 07-057r7 §6.1; 17-083r4 §6.1.1).</summary>
    public const double StandardPixelSizeMeters = 0.00028;

    /// <summary>Length of one degree on the equator of the WGS 84 / CGCS2000 ellipsoid (semi-major axes are
    /// both 6378137 m): 2π·6378137/360 = 111319.49079327358 m, the metersPerUnit of 17-083r4 Annex D.2.</summary>
    public const double MetersPerDegree = 2 * Math.PI * WebMercator.EarthRadius / 360;

    public const string WebMercatorQuadId = "WebMercatorQuad";
    public const string WorldCrs84QuadId = "WorldCRS84Quad";

    /// <summary>Our id for Tianditu's "c" grid on EPSG:4490. 2D-TMS has no registered set for CGCS2000; the
    /// name follows the OGC "…Quad" pattern and says what it is, so a WMTS client can match it by CRS.</summary>
    public const string Cgcs2000QuadId = "CGCS2000Quad";

    /// <summary>Tile size in pixels of every set here.</summary>
    public const int TileSize = 256;

    /// <summary>OGC 17-083r4 Annex D.1; WMTS well-known scale set GoogleMapsCompatible (07-057r7 Annex E.4).
    /// Level 0 is one tile spanning 2π·6378137 m, cell 156543.03392804097 m, scale 559082264.0287178.</summary>
    public static TileMatrixSet WebMercatorQuad { get; } = CreateWebMercatorQuad();

    /// <summary>OGC 17-083r4 Annex D.2: CRS84, 2×1 tiles at level 0, cell 0.703125°, scale 279541132.0143589.
    /// Its scale denominators are those of GoogleCRS84Quad (07-057r7 Annex E.3) from that set's level 1 on.</summary>
    public static TileMatrixSet WorldCrs84Quad { get; } = CreateWorldCrs84Quad();

    /// <summary>CGCS2000 (EPSG:4490) grid with Tianditu "c" indices: levels 1–18, 2×1 tiles at level 1, cell
    /// 0.703125/2^(n-1) degrees, origin (-180, 90), so tile (z, row, col) is Tianditu's c tile (z, row, col).
    /// <para>Scale denominators follow the OGC 0.28 mm rule (level 1 = 279541132.0143589, equal to
    /// WorldCRS84Quad level 0). Tianditu's own vec_c capabilities publish 96-dpi values (0.0254/96 m pixel):
    /// 295829355.4545656, 147914677.7272828, 73957338.8636414, 36978669.4318207, 18489334.71591035,
    /// 9244667.357955175, 4622333.678977587, 2311166.8394887936, 1155583.4197443968, 577791.7098721984,
    /// 288895.8549360992, 144447.9274680496, 72223.9637340248, 36111.9818670124, 18055.9909335062,
    /// 9027.9954667531, 4513.99773337655, 2256.998866688275 (levels 1–18). We publish the OGC values because
    /// WMTS clients derive the pixel size from ScaleDenominator × 0.28 mm (07-057r7 §6.1): a 96-dpi value
    /// would make them compute a cell 5.8 % too large and misplace tiles; Tianditu's own /esri/wmts endpoints
    /// publish OGC-pixel values too (level 1 = 2.795411320143237E8, equal to ours to 13 digits).</para></summary>
    public static TileMatrixSet Cgcs2000Quad { get; } = CreateCgcs2000Quad();

    public static IReadOnlyList<TileMatrixSet> All { get; } = [WebMercatorQuad, WorldCrs84Quad, Cgcs2000Quad];

    /// <summary>Finds a set by id, ignoring case (URLs and capabilities are written by hand).</summary>
    public static bool TryGet(string id, out TileMatrixSet set)
    {
        foreach (TileMatrixSet candidate in All)
        {
            if (string.Equals(candidate.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                set = candidate;
                return true;
            }
        }

        set = null!;
        return false;
    }

    public static TileMatrixSet Get(string id) =>
        TryGet(id, out TileMatrixSet set) ? set : throw new KeyNotFoundException($"Unknown tile matrix set '{id}'.");

    private static TileMatrixSet CreateWebMercatorQuad()
    {
        // cellSize(0) = 2π·a / 256; dividing by 2^z is exact in binary floating point, so each level keeps
        // the full precision of level 0 instead of accumulating halvings of rounded values.
        double level0Cell = 2 * Math.PI * WebMercator.EarthRadius / TileSize;
        double origin = WebMercator.OriginShift;
        var matrices = new List<TileMatrix>(25);
        for (int zoom = 0; zoom <= 24; zoom++)
        {
            double cell = level0Cell / Math.Pow(2, zoom);
            int size = 1 << zoom;
            matrices.Add(new TileMatrix(Invariant(zoom), zoom, cell, cell / StandardPixelSizeMeters,
                -origin, origin, CrsAxisOrder.EastNorth, size, size));
        }

        return new TileMatrixSet(WebMercatorQuadId, "Google Maps Compatible for the World",
            "http://www.opengis.net/def/crs/EPSG/0/3857", "urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible",
            CrsAxisOrder.EastNorth, isGeographic: false, metersPerUnit: 1, matrices);
    }

    private static TileMatrixSet CreateWorldCrs84Quad()
    {
        // Levels 0–17 as tabled in 17-083r4 Annex D.2.
        var matrices = CreateGeographicQuad(firstZoom: 0, lastZoom: 17, CrsAxisOrder.EastNorth);
        return new TileMatrixSet(WorldCrs84QuadId, "CRS84 for the World",
            "http://www.opengis.net/def/crs/OGC/1.3/CRS84", "urn:ogc:def:wkss:OGC:1.0:GoogleCRS84Quad",
            CrsAxisOrder.EastNorth, isGeographic: true, MetersPerDegree, matrices);
    }

    private static TileMatrixSet CreateCgcs2000Quad()
    {
        // EPSG:4490 declares latitude first, so TopLeftCorner is written "90 -180" as Tianditu publishes it.
        // No well-known scale set: the WMTS ones (Annex E) are bound to CRS84 / EPSG:3857.
        var matrices = CreateGeographicQuad(firstZoom: 1, lastZoom: 18, CrsAxisOrder.NorthEast);
        return new TileMatrixSet(Cgcs2000QuadId, "CGCS2000 geographic quad (Tianditu c tile indices)",
            "http://www.opengis.net/def/crs/EPSG/0/4490", wellKnownScaleSet: null,
            CrsAxisOrder.NorthEast, isGeographic: true, MetersPerDegree, matrices);
    }

    /// <summary>A 2×1 quad of the whole globe at <paramref name="firstZoom"/>, cell 180°/256 = 0.703125° there,
    /// halving per level, origin (-180, 90).</summary>
    private static List<TileMatrix> CreateGeographicQuad(int firstZoom, int lastZoom, CrsAxisOrder axisOrder)
    {
        const double FirstCell = 180.0 / TileSize;
        var matrices = new List<TileMatrix>(lastZoom - firstZoom + 1);
        for (int zoom = firstZoom; zoom <= lastZoom; zoom++)
        {
            int step = zoom - firstZoom;
            double cell = FirstCell / Math.Pow(2, step);
            double scale = cell * MetersPerDegree / StandardPixelSizeMeters;
            int rows = 1 << step;
            matrices.Add(new TileMatrix(Invariant(zoom), zoom, cell, scale, -180, 90, axisOrder, 2 * rows, rows));
        }

        return matrices;
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

namespace TileServer.Protocols.Wmts;

using TileServer.Core.Tiling;

/// <summary>Which tile matrix sets WMTS defines and serves, and how a layer's zoom range (WebMercatorQuad
/// levels, as configured) maps onto the levels of another set.</summary>
public static class WmtsTileMatrixSets
{
    /// <summary>Every set written into Contents (07-057r7 §7.1.1.1.2: a TileMatrixSet may be defined
    /// without a layer linking to it).</summary>
    public static IReadOnlyList<TileMatrixSet> Defined => TileMatrixSets.All;

    /// <summary>Sets GetTile answers and layers link to: all of them. WebMercatorQuad is drawn directly; the
    /// geographic quads through GridRasterTileService's plate carrée warp. Kept apart from <see cref="Defined"/>
    /// so a set can be defined for clients without being offered for tiles.</summary>
    public static IReadOnlyList<TileMatrixSet> Served { get; } = TileMatrixSets.All;

    public static bool IsServed(TileMatrixSet set) => Served.Contains(set);

    /// <summary>The levels of <paramref name="set"/> whose equatorial scale matches WebMercatorQuad levels
    /// <paramref name="minZoom"/>–<paramref name="maxZoom"/>: the geographic quads halve the scale per level
    /// like Web Mercator, so a level matches the Web Mercator zoom whose scale denominator it equals
    /// (CGCS2000Quad n ↔ zoom n, WorldCRS84Quad n ↔ zoom n+1).</summary>
    public static (int From, int To) LevelsFor(TileMatrixSet set, int minZoom, int maxZoom)
    {
        ArgumentNullException.ThrowIfNull(set);
        double level0 = TileMatrixSets.WebMercatorQuad.Matrices[0].ScaleDenominator;
        int from = int.MaxValue;
        int to = int.MinValue;
        foreach (TileMatrix matrix in set.Matrices)
        {
            int equivalent = (int)Math.Round(Math.Log2(level0 / matrix.ScaleDenominator));
            if (equivalent >= minZoom && equivalent <= maxZoom)
            {
                from = Math.Min(from, matrix.Zoom);
                to = Math.Max(to, matrix.Zoom);
            }
        }

        return (from, to);
    }

    /// <summary>The OGC URN form of a set's CRS, the form 07-057r7 §7.1.1.1.2 examples use for SupportedCRS
    /// (06-121r3 §10.3.1 URN: urn:ogc:def:crs:EPSG::3857, urn:ogc:def:crs:OGC:1.3:CRS84).</summary>
    public static string CrsUrn(TileMatrixSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        const string Prefix = "http://www.opengis.net/def/crs/";
        if (!set.CrsUri.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return set.CrsUri;
        }

        string[] parts = set.CrsUri[Prefix.Length..].Split('/');
        if (parts.Length != 3)
        {
            return set.CrsUri;
        }

        // Version "0" of the http form means "latest", written as an empty version in the URN.
        string version = parts[1] == "0" ? "" : parts[1];
        return $"urn:ogc:def:crs:{parts[0]}:{version}:{parts[2]}";
    }
}

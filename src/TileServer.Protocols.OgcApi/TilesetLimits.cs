namespace TileServer.Protocols.OgcApi;

using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;

/// <summary>Where a tileset has tiles: the levels of a set matching the layers' zoom range (configured as
/// WebMercatorQuad zooms; a geographic quad level matches the Web Mercator zoom of equal equatorial scale,
/// CGCS2000Quad n ↔ zoom n, WorldCRS84Quad n ↔ zoom n + 1) and the rows and columns the data extent touches
/// there (OGC API – Tiles §6.x tileMatrixSetLimits). Requests outside them are 404.</summary>
public static class TilesetLimits
{
    public static IReadOnlyList<TileMatrixLimits> For(IReadOnlyList<PublishedLayer> layers, TileMatrixSet set)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(set);
        var extent = BoundingBox.Empty;
        int minZoom = int.MaxValue, maxZoom = int.MinValue;
        foreach (var layer in layers)
        {
            if (layer.Info.Extent.IsEmpty)
                continue;
            extent = extent.ExpandToInclude(layer.Info.Extent);
            minZoom = Math.Min(minZoom, layer.Definition.MinZoom);
            maxZoom = Math.Max(maxZoom, layer.Definition.MaxZoom);
        }

        if (extent.IsEmpty)
            return [];
        var limits = new List<TileMatrixLimits>();
        foreach (var matrix in set.Matrices)
        {
            int equivalentZoom = EquivalentZoom(matrix);
            if (equivalentZoom >= minZoom && equivalentZoom <= maxZoom)
                limits.Add(set.LimitsFor(extent, matrix.Zoom));
        }

        return limits;
    }

    /// <summary>The Web Mercator zoom of equal scale denominator (the zoom layer ranges are configured in).</summary>
    public static int EquivalentZoom(TileMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return (int)Math.Round(Math.Log2(TileMatrixSets.WebMercatorQuad.Matrices[0].ScaleDenominator / matrix.ScaleDenominator));
    }

    public static bool Contains(IReadOnlyList<TileMatrixLimits> limits, in TileCoordinate tile)
    {
        ArgumentNullException.ThrowIfNull(limits);
        foreach (var limit in limits)
        {
            if (limit.Contains(tile))
                return true;
        }

        return false;
    }
}

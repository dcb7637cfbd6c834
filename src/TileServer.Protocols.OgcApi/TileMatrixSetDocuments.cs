namespace TileServer.Protocols.OgcApi;

using System.Text.Json.Nodes;
using TileServer.Core.Tiling;

/// <summary>Tile matrix set documents: the list at <c>/tileMatrixSets</c> (OGC API – Tiles §7.x, via Common)
/// and each set in the OGC Two Dimensional Tile Matrix Set JSON encoding 2.0 (OGC 17-083r4 §7.1, §9):
/// exact scale denominators and cell sizes, pointOfOrigin in the CRS's axis order.
/// <para>Each document also carries the members of the 1.0 JSON encoding (OGC 17-083r2 §8.2) that have no
/// 2.0 counterpart of the same name: <c>type</c> "TileMatrixSetType", <c>identifier</c>, <c>supportedCRS</c>,
/// and per matrix <c>type</c>, <c>identifier</c> and <c>topLeftCorner</c>. GDAL 3.6 (Debian 12) reads only those:
/// it recognises a TMS document by "type": "TileMatrixSetType" and takes the matrix id, CRS and origin from the
/// 1.0 names, so without them its OGCAPI driver mistakes the document for a file name and fails. The 2.0 schema
/// allows additional members, so 2.0 clients are unaffected; the values are the same numbers twice.</para></summary>
public static class TileMatrixSetDocuments
{
    /// <summary>The registered definition URIs (17-083r4 Annex D; OGC definitions server). CGCS2000Quad is ours
    /// and has none.</summary>
    public static string? RegisteredUri(TileMatrixSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Id is TileMatrixSets.WebMercatorQuadId or TileMatrixSets.WorldCrs84QuadId
            ? $"http://www.opengis.net/def/tilematrixset/OGC/1.0/{set.Id}"
            : null;
    }

    public static JsonObject List(string baseUrl)
    {
        var sets = new JsonArray();
        foreach (var set in TileMatrixSets.All)
        {
            var entry = new JsonObject { ["id"] = set.Id, ["title"] = set.Title };
            if (RegisteredUri(set) is { } uri)
                entry["uri"] = uri;
            entry["crs"] = set.CrsUri;
            entry["links"] = OgcLink.Array([new($"{baseUrl}/tileMatrixSets/{set.Id}", OgcRelations.TilingScheme, OgcMediaTypes.Json, set.Title)]);
            sets.Add(entry);
        }

        return new JsonObject
        {
            ["links"] = OgcLink.Array([new($"{baseUrl}/tileMatrixSets?f=json", "self", OgcMediaTypes.Json, "This document")]),
            ["tileMatrixSets"] = sets,
        };
    }

    public static JsonObject Document(TileMatrixSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var matrices = new JsonArray();
        foreach (var matrix in set.Matrices)
        {
            var (first, second) = matrix.PointOfOriginInAxisOrder;
            matrices.Add(new JsonObject
            {
                ["type"] = "TileMatrixType",
                ["id"] = matrix.Identifier,
                ["identifier"] = matrix.Identifier,
                ["scaleDenominator"] = matrix.ScaleDenominator,
                ["cellSize"] = matrix.CellSize,
                ["cornerOfOrigin"] = "topLeft",
                ["pointOfOrigin"] = new JsonArray(first, second),
                ["topLeftCorner"] = new JsonArray(first, second),
                ["tileWidth"] = matrix.TileWidth,
                ["tileHeight"] = matrix.TileHeight,
                ["matrixWidth"] = matrix.MatrixWidth,
                ["matrixHeight"] = matrix.MatrixHeight,
            });
        }

        var document = new JsonObject { ["type"] = "TileMatrixSetType", ["id"] = set.Id, ["identifier"] = set.Id, ["title"] = set.Title };
        if (RegisteredUri(set) is { } uri)
            document["uri"] = uri;
        document["crs"] = set.CrsUri;
        document["supportedCRS"] = set.CrsUri;
        document["orderedAxes"] = OrderedAxes(set);
        if (set.WellKnownScaleSet is { } scaleSet)
            document["wellKnownScaleSet"] = WellKnownScaleSetUri(scaleSet);
        document["tileMatrices"] = matrices;
        return document;
    }

    /// <summary>17-083r4 §7.1: orderedAxes as the CRS defines them.</summary>
    private static JsonArray OrderedAxes(TileMatrixSet set) => set.IsGeographic
        ? set.AxisOrder == CrsAxisOrder.NorthEast ? new JsonArray("Lat", "Lon") : new JsonArray("Lon", "Lat")
        : new JsonArray("X", "Y");

    /// <summary>2D-TMS 2.0 names well-known scale sets by http URI (…/def/wkss/OGC/1.0/GoogleMapsCompatible).</summary>
    private static string WellKnownScaleSetUri(string urn)
    {
        const string Prefix = "urn:ogc:def:wkss:OGC:1.0:";
        return urn.StartsWith(Prefix, StringComparison.Ordinal) ? "http://www.opengis.net/def/wkss/OGC/1.0/" + urn[Prefix.Length..] : urn;
    }
}

namespace TileServer.Protocols.Wmts;

using System.Globalization;
using TileServer.Core.Tiling;

/// <summary>Validates GetTile parameters (07-057r7 §7.2.2.1 Table 16) into exceptions of 07-057r7 §7.2.1.3
/// Table 22 / 06-121r3 §8.3: every missing parameter is reported before any bad value, and each exception
/// names the offending parameter as its locator.</summary>
public static class WmtsTileRequestValidator
{
    public static bool TryValidate(WmtsTileParameters parameters, IReadOnlyList<WmtsLayer> layers,
        out WmtsTileRequest? request, out WmtsError? error)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(layers);
        request = null;
        error = FirstMissing(parameters);
        if (error is not null)
        {
            return false;
        }

        WmtsLayer? layer = layers.FirstOrDefault(l => string.Equals(l.Id, parameters.Layer, StringComparison.Ordinal));
        if (layer is null)
        {
            // A layer is a parameter value, not a resource: OWS reports it as InvalidParameterValue (400).
            error = WmtsError.Invalid("Layer", $"Unknown layer '{parameters.Layer}'.");
            return false;
        }

        if (!string.Equals(parameters.Style, layer.StyleId, StringComparison.Ordinal))
        {
            error = WmtsError.Invalid("Style", $"Layer '{layer.Id}' has the style '{layer.StyleId}', not '{parameters.Style}'.");
            return false;
        }

        if (!string.Equals(parameters.Format, WmtsCapabilitiesDocument.PngFormat, StringComparison.OrdinalIgnoreCase))
        {
            error = WmtsError.Invalid("Format", $"Format '{parameters.Format}' is not offered; use {WmtsCapabilitiesDocument.PngFormat}.");
            return false;
        }

        if (!TileMatrixSets.TryGet(parameters.TileMatrixSet!, out TileMatrixSet set))
        {
            error = WmtsError.Invalid("TileMatrixSet", $"Unknown tile matrix set '{parameters.TileMatrixSet}'.");
            return false;
        }

        if (!WmtsTileMatrixSets.IsServed(set))
        {
            error = new WmtsError(WmtsExceptionCode.OperationNotSupported, "TileMatrixSet",
                $"Tiles in {set.Id} are not rendered yet; use {TileMatrixSets.WebMercatorQuadId}.");
            return false;
        }

        TileMatrix? matrix = set.Matrices.FirstOrDefault(m => string.Equals(m.Identifier, parameters.TileMatrix, StringComparison.Ordinal));
        if (matrix is null)
        {
            error = WmtsError.Invalid("TileMatrix", $"{set.Id} has no tile matrix '{parameters.TileMatrix}'.");
            return false;
        }

        if (!TryParseIndex(parameters.TileRow!, out int row))
        {
            error = WmtsError.Invalid("TileRow", $"TileRow '{parameters.TileRow}' is not a non-negative integer.");
            return false;
        }

        if (!TryParseIndex(parameters.TileCol!, out int column))
        {
            error = WmtsError.Invalid("TileCol", $"TileCol '{parameters.TileCol}' is not a non-negative integer.");
            return false;
        }

        error = OutOfRange(layer, set, matrix, row, column);
        if (error is not null)
        {
            return false;
        }

        request = new WmtsTileRequest(layer, set, new TileCoordinate(matrix.Zoom, column, row));
        return true;
    }

    /// <summary>The first absent GetTile parameter, in the order of 07-057r7 Table 16.</summary>
    public static WmtsError? FirstMissing(WmtsTileParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        (string Name, string? Value)[] all =
        [
            ("Layer", p.Layer), ("Style", p.Style), ("Format", p.Format), ("TileMatrixSet", p.TileMatrixSet),
            ("TileMatrix", p.TileMatrix), ("TileRow", p.TileRow), ("TileCol", p.TileCol),
        ];
        foreach (var (name, value) in all)
        {
            if (string.IsNullOrEmpty(value))
            {
                return WmtsError.Missing(name);
            }
        }

        return null;
    }

    /// <summary>TileOutOfRange (07-057r7 Table 22) for indices beyond the matrix, and — as the limits tell
    /// clients those tiles do not exist — beyond the layer's TileMatrixSetLimits (levels deeper than the
    /// layer's max zoom included; levels below its min zoom are inside the limits and transparent).</summary>
    private static WmtsError? OutOfRange(WmtsLayer layer, TileMatrixSet set, TileMatrix matrix, int row, int column)
    {
        if (row >= matrix.MatrixHeight)
        {
            return Range("TileRow", $"TileRow {row} is outside 0–{matrix.MatrixHeight - 1} of tile matrix {matrix.Identifier}.");
        }

        if (column >= matrix.MatrixWidth)
        {
            return Range("TileCol", $"TileCol {column} is outside 0–{matrix.MatrixWidth - 1} of tile matrix {matrix.Identifier}.");
        }

        var limits = layer.LimitsIn(set).FirstOrDefault(l => l.Zoom == matrix.Zoom);
        if (limits.TileMatrix is null)
        {
            return Range("TileMatrix", $"Layer '{layer.Id}' has no tiles at tile matrix {matrix.Identifier} of {set.Id} (see its TileMatrixSetLimits).");
        }

        if (row < limits.MinRow || row > limits.MaxRow)
        {
            return Range("TileRow", $"TileRow {row} is outside the limits {limits.MinRow}–{limits.MaxRow} of layer '{layer.Id}'.");
        }

        if (column < limits.MinColumn || column > limits.MaxColumn)
        {
            return Range("TileCol", $"TileCol {column} is outside the limits {limits.MinColumn}–{limits.MaxColumn} of layer '{layer.Id}'.");
        }

        return null;
    }

    private static WmtsError Range(string locator, string text) => new(WmtsExceptionCode.TileOutOfRange, locator, text);

    private static bool TryParseIndex(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

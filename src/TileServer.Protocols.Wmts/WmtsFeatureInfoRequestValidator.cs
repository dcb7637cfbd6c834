namespace TileServer.Protocols.Wmts;

using System.Globalization;

/// <summary>Validates GetFeatureInfo parameters (07-057r7 §7.3.1): every missing parameter first, then the
/// tile exactly as GetTile checks it, then InfoFormat (InvalidParameterValue) and the pixel — I and J are
/// counted from the tile's top-left pixel and must lie inside the tile, else PointIJOutOfRange with the
/// parameter as locator.</summary>
public static class WmtsFeatureInfoRequestValidator
{
    public static bool TryValidate(WmtsFeatureInfoParameters parameters, IReadOnlyList<WmtsLayer> layers,
        out WmtsFeatureInfoRequest? request, out WmtsError? error)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        request = null;
        error = WmtsTileRequestValidator.FirstMissing(parameters.Tile)
            ?? Missing("J", parameters.J) ?? Missing("I", parameters.I) ?? Missing("InfoFormat", parameters.InfoFormat);
        if (error is not null)
        {
            return false;
        }

        if (!WmtsTileRequestValidator.TryValidate(parameters.Tile, layers, out var tile, out error))
        {
            return false;
        }

        WmtsInfoFormat? format = WmtsInfoFormat.FromMediaType(parameters.InfoFormat);
        if (format is null)
        {
            error = WmtsError.Invalid("InfoFormat", $"InfoFormat '{parameters.InfoFormat}' is not offered; use one of "
                + string.Join(", ", WmtsInfoFormat.All.Select(f => f.MediaType)) + ".");
            return false;
        }

        var matrix = tile!.TileMatrixSet.GetMatrix(tile.Tile.Zoom);
        error = Pixel("J", parameters.J!, matrix.TileHeight, out int j);
        if (error is not null)
        {
            return false;
        }

        error = Pixel("I", parameters.I!, matrix.TileWidth, out int i);
        if (error is not null)
        {
            return false;
        }

        request = new WmtsFeatureInfoRequest(tile, i, j, format);
        return true;
    }

    private static WmtsError? Missing(string name, string? value) =>
        string.IsNullOrEmpty(value) ? WmtsError.Missing(name) : null;

    /// <summary>A value that is not an integer is a bad value (InvalidParameterValue); an integer outside
    /// 0..size-1 is a point outside the tile (PointIJOutOfRange).</summary>
    private static WmtsError? Pixel(string name, string text, int size, out int value)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return WmtsError.Invalid(name, $"{name} '{text}' is not an integer pixel index.");
        }

        return value < 0 || value >= size
            ? new WmtsError(WmtsExceptionCode.PointIJOutOfRange, name, $"{name} {value} is outside the tile's pixels 0–{size - 1}.")
            : null;
    }
}

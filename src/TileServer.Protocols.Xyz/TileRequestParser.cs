namespace TileServer.Protocols.Xyz;

using System.Globalization;
using Microsoft.AspNetCore.Http;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;

/// <summary>Validates the path parameters of XYZ tile requests. Every failure is an <see cref="IResult"/>
/// problem naming the parameter, so bad input never reaches the tile pipeline.</summary>
public static class TileRequestParser
{
    public static bool TryParseLayers(ILayerCatalog catalog, string? raw, out IReadOnlyList<PublishedLayer> layers, out IResult? error)
    {
        layers = [];
        error = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            error = ProblemResponses.BadParameter("layers", "no layer named");
            return false;
        }

        // The common request names one layer: no split, set or list for it.
        if (!raw.Contains(',', StringComparison.Ordinal))
        {
            if (!catalog.TryGet(raw, out var single))
            {
                error = ProblemResponses.UnknownLayer(raw);
                return false;
            }

            layers = [single];
            return true;
        }

        string[] ids = raw.Split(',');
        var result = new List<PublishedLayer>(ids.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in ids)
        {
            if (!seen.Add(id))
            {
                error = ProblemResponses.BadParameter("layers", $"layer '{id}' is named twice");
                return false;
            }

            if (!catalog.TryGet(id, out var layer))
            {
                error = ProblemResponses.UnknownLayer(id);
                return false;
            }

            result.Add(layer);
        }

        layers = result;
        return true;
    }

    public static bool TryParseTile(string? z, string? x, string? y, out TileCoordinate tile, out IResult? error)
    {
        tile = default;
        error = null;
        if (!TryParseInt("z", z, 0, WebMercator.MaxZoom, out int zoom, out error))
        {
            return false;
        }

        int max = (int)Math.Min(WebMercator.MatrixSize(zoom) - 1, int.MaxValue);
        if (!TryParseInt("x", x, 0, max, out int column, out error) || !TryParseInt("y", y, 0, max, out int row, out error))
        {
            return false;
        }

        tile = new TileCoordinate(zoom, column, row);
        return true;
    }

    private static bool TryParseInt(string name, string? raw, int min, int max, out int value, out IResult? error)
    {
        error = null;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            error = ProblemResponses.BadParameter(name, $"'{raw}' is not a non-negative integer");
            return false;
        }

        if (value < min || value > max)
        {
            error = ProblemResponses.BadParameter(name, $"{value} is outside {min}..{max}");
            return false;
        }

        return true;
    }
}

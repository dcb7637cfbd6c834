namespace TileServer.Protocols.Wfs.Fes;

using System.Globalization;

/// <summary>Feature identifiers "{layer}.{fid}" as written in gml:id and read back from fes:ResourceId
/// rid and the RESOURCEID / ID parameters.</summary>
public static class ResourceId
{
    /// <summary>The layer part of an id, or null when it has none.</summary>
    public static string? LayerOf(string rid)
    {
        int dot = rid.LastIndexOf('.');
        return dot > 0 ? rid[..dot] : null;
    }

    /// <summary>The row id of an id that must belong to <paramref name="layerId"/>.</summary>
    public static long Parse(string rid, string layerId, string locator)
    {
        ArgumentNullException.ThrowIfNull(rid);
        string trimmed = rid.Trim();
        int dot = trimmed.LastIndexOf('.');
        if (dot <= 0 || trimmed[..dot] != layerId
            || !long.TryParse(trimmed.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long fid))
        {
            throw WfsException.Invalid(locator, $"'{rid}' is not an identifier of feature type '{layerId}' (expected {layerId}.<number>)");
        }

        return fid;
    }
}

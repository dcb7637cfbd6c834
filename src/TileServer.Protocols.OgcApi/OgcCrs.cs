namespace TileServer.Protocols.OgcApi;

using TileServer.Core.Crs;
using TileServer.Core.Errors;

/// <summary>The CRSs of OGC API – Features Part 2: named by their OGC URIs (§6.2), CRS84 the default for
/// <c>crs</c> and <c>bbox-crs</c> (Part 1 §7.15.4). Coordinates follow the CRS's own axis order: latitude first
/// for EPSG:4490 and EPSG:4326, northing first for the Gauss-Krüger zones, longitude first for CRS84.</summary>
public static class OgcCrs
{
    public static CrsReference Default { get; } = new(CrsRegistry.Crs84, CrsForm.Uri);

    /// <summary>Every CRS a collection can be served in, CRS84 first (/req/crs/crs-uri, §6.2.1).</summary>
    public static IReadOnlyList<string> SupportedUris { get; } =
        [CrsRegistry.Crs84.Uri, .. CrsRegistry.All.Where(c => c != CrsRegistry.Crs84).Select(c => c.Uri)];

    /// <summary>The storage CRS of every collection: CGCS2000 (§6.2.2, storageCrs).</summary>
    public static string StorageCrsUri => CrsRegistry.Cgcs2000.Uri;

    /// <summary>Parses a <c>crs</c>/<c>bbox-crs</c> value: only URI forms are accepted, since only they fix the axis order.</summary>
    public static CrsReference Parse(string parameter, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return Default;
        if (!CrsRegistry.TryParse(value, out var reference) || reference.Form != CrsForm.Uri)
            throw new InvalidParameterException(parameter, $"unsupported CRS '{value}' (use one of the collection's crs URIs, e.g. {CrsRegistry.Crs84.Uri})");
        return reference;
    }

    public static string HeaderValue(CrsReference crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        return $"<{crs.Crs.Uri}>";
    }
}

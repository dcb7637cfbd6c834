namespace TileServer.Protocols.Wmts;

/// <summary>The exception codes this server reports: those of OWS 1.1 (OGC 06-121r3 §8.3, Table 25) plus
/// WMTS's TileOutOfRange (OGC 07-057r7 §7.2.1.3 / §8.3).</summary>
public static class WmtsExceptionCode
{
    public const string MissingParameterValue = "MissingParameterValue";
    public const string InvalidParameterValue = "InvalidParameterValue";
    public const string OperationNotSupported = "OperationNotSupported";
    public const string VersionNegotiationFailed = "VersionNegotiationFailed";
    public const string TileOutOfRange = "TileOutOfRange";

    /// <summary>07-057r7 §7.3 (GetFeatureInfo exceptions): I or J lies outside the tile (locator names the parameter).</summary>
    public const string PointIJOutOfRange = "PointIJOutOfRange";
    public const string NoApplicableCode = "NoApplicableCode";
}

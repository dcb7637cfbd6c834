namespace TileServer.Protocols.Wfs;

/// <summary>A request the server reports as an OWS ExceptionReport: an exception code of OWS 1.1
/// (06-121r3 Table 25) or WFS 2.0 (09-025r2 §7.5 Table 3), the locator (the offending parameter, 09-025r2
/// Table 3 / 06-121r3 Table 26) and the HTTP status (06-121r3 Table 28 as carried into OWS 2.0; WFS 2.0.2
/// CR 342: NotFound → 404, OperationProcessingFailed → 500).</summary>
public sealed class WfsException(string code, string? locator, string message) : Exception(message)
{
    public const string OperationNotSupported = "OperationNotSupported";
    public const string MissingParameterValue = "MissingParameterValue";
    public const string InvalidParameterValue = "InvalidParameterValue";
    public const string VersionNegotiationFailed = "VersionNegotiationFailed";
    public const string OptionNotSupported = "OptionNotSupported";
    public const string OperationParsingFailed = "OperationParsingFailed";
    public const string OperationProcessingFailed = "OperationProcessingFailed";
    public const string NotFound = "NotFound";

    public string Code { get; } = code;

    public string? Locator { get; } = locator;

    public int StatusCode => Code switch
    {
        OperationNotSupported or OptionNotSupported => 501,
        NotFound => 404,
        OperationProcessingFailed => 500,
        _ => 400,
    };

    public static WfsException Missing(string parameter) =>
        new(MissingParameterValue, parameter, $"parameter '{parameter}' is required");

    public static WfsException Invalid(string parameter, string message) => new(InvalidParameterValue, parameter, message);
}

namespace TileServer.Protocols.Wmts;

/// <summary>One OWS exception (OGC 06-121r3 §8.4): a code, the parameter it is about (the locator) and a
/// human-readable text.</summary>
public sealed record WmtsError(string Code, string? Locator, string Text)
{
    /// <summary>HTTP status by exception code, OGC 06-121r3 §8.6 Table 28: client errors are 400, an
    /// operation the server does not implement is 501. 07-057r7 gives TileOutOfRange 400 as well.</summary>
    public int StatusCode => Code == WmtsExceptionCode.OperationNotSupported ? 501 : 400;

    public static WmtsError Missing(string parameter) =>
        new(WmtsExceptionCode.MissingParameterValue, parameter, $"Parameter {parameter} is required.");

    public static WmtsError Invalid(string parameter, string text) =>
        new(WmtsExceptionCode.InvalidParameterValue, parameter, text);
}

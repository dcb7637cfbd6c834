namespace TileServer.Core.Errors;

/// <summary>A request parameter that is missing or malformed; protocol adapters turn it into their own
/// error format (JSON problem, OWS ExceptionReport) with HTTP 400.</summary>
public sealed class InvalidParameterException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}

namespace TileServer.Protocols.Xyz;

using Microsoft.AspNetCore.Http;

/// <summary>RFC 9457 problem details for the XYZ/TileJSON endpoints, naming the offending parameter.</summary>
public static class ProblemResponses
{
    public static IResult BadParameter(string parameter, string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid parameter",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static IResult UnknownLayer(string layer) =>
        Results.Problem(detail: $"unknown layer '{layer}'", statusCode: StatusCodes.Status404NotFound, title: "Layer not found",
            extensions: new Dictionary<string, object?> { ["parameter"] = "layers", ["layer"] = layer });
}

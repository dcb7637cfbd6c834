namespace TileServer.Protocols.OgcApi;

using Microsoft.AspNetCore.Http;

/// <summary>RFC 9457 problem details (application/problem+json) for OGC API errors: 400 names the offending
/// parameter (Part 1 §7.5.2, /rec/core/query-param-invalid), 404 the missing resource.</summary>
public static class OgcProblems
{
    public static IResult BadParameter(string parameter, string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid parameter",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult NotAcceptable(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status406NotAcceptable, title: "Not acceptable");
}

namespace TileServer.Protocols.Wfs;

using Microsoft.AspNetCore.Http;

/// <summary>A small XML document already serialized (capabilities, schemas, exception reports).</summary>
public sealed class WfsXmlResult(byte[] body, string contentType, int statusCode) : IResult
{
    public byte[] Body => body;

    public int StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
            await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}

namespace TileServer.Protocols.Wmts;

using Microsoft.AspNetCore.Http;

/// <summary>An XML body with a status code and content type (capabilities and exception reports).</summary>
public sealed class WmtsXmlResult(byte[] body, string contentType, int statusCode) : IResult
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
        {
            await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}

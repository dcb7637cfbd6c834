namespace TileServer.Http;

using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using TileServer.Core.Errors;

/// <summary>Answers a source outage (database down, pool exhausted, statement timeout) with 503 and
/// Retry-After instead of a 500, and a request the client abandoned without logging it as an error.</summary>
public sealed class SourceUnavailableHandler(IProblemDetailsService problems, ILogger<SourceUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            context.Response.StatusCode = 499; // client closed the request; nobody reads the answer
            return true;
        }

        if (exception is not SourceUnavailableException unavailable)
        {
            return false;
        }

        logger.LogWarning("source unavailable: {Message}", unavailable.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(unavailable.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = 503, Title = "Data source unavailable", Detail = "the data source is not answering; retry later" },
        }).ConfigureAwait(false);
    }
}

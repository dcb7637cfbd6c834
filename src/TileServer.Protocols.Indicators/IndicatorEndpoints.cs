namespace TileServer.Protocols.Indicators;

using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TileServer.Services.Planning;

/// <summary>GET /indicators and /indicators/{xzqdm} in JSON, HTML or CSV (docs/planning.md). The report is the
/// one the <see cref="PlanningMonitor"/> computed last; before the first computation the answer is 503.</summary>
public static class IndicatorEndpoints
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    private const int RetryAfterSeconds = 5;

    /// <summary>RFC 9110 §9.1: HEAD wherever GET is served.</summary>
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMethods("/indicators", GetOrHead, (HttpContext context, PlanningMonitor monitor) =>
            Respond(context, monitor, null));
        app.MapMethods("/indicators/{xzqdm}", GetOrHead, (HttpContext context, PlanningMonitor monitor, string xzqdm) =>
            Respond(context, monitor, xzqdm));
        return app;
    }

    private static IResult Respond(HttpContext context, PlanningMonitor monitor, string? code)
    {
        if (!IndicatorFormatNegotiation.TryChoose(context.Request, out var format, out var bad))
        {
            return Results.Problem(detail: $"unknown format f={bad}; expected json, html or csv", statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid parameter", extensions: new Dictionary<string, object?> { ["parameter"] = "f" });
        }

        var report = monitor.Report;
        if (report is null)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(detail: "the indicators are being computed; retry shortly", statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Not ready");
        }

        IReadOnlyList<UnitIndicators> units = report.Units;
        UnitIndicators? unit = null;
        if (code is not null)
        {
            unit = report.Units.FirstOrDefault(u => u.Xzqdm == code);
            if (unit is null)
            {
                return Results.Problem(detail: $"no unit with xzqdm '{code}' in the data or the approved targets", statusCode: StatusCodes.Status404NotFound,
                    title: "Unit not found", extensions: new Dictionary<string, object?> { ["parameter"] = "xzqdm", ["xzqdm"] = code });
            }

            units = [unit];
        }

        return format switch
        {
            IndicatorFormat.Html => Results.Content(
                IndicatorHtml.Write(report, units, unit is null ? "规划指标监测 Planning indicators" : $"{unit.Xzqmc} {unit.Xzqdm} 规划指标 Planning indicators"),
                "text/html; charset=utf-8", Encoding.UTF8),
            IndicatorFormat.Csv => Csv(report, units, code),
            _ => Results.Content(unit is null ? IndicatorJson.All(report) : IndicatorJson.Unit(report, unit), "application/json; charset=utf-8", Encoding.UTF8),
        };
    }

    private static IResult Csv(IndicatorReport report, IReadOnlyList<UnitIndicators> units, string? code)
    {
        // UTF-8 with a byte-order mark: Excel reads BOM-less CSV in the system's ANSI code page.
        byte[] body = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(IndicatorCsv.Write(report, units))];
        return Results.File(body, CsvContentType, code is null ? "indicators.csv" : $"indicators-{code}.csv");
    }
}

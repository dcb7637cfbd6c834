namespace TileServer.Protocols.Indicators;

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using TileServer.Services.Planning;

/// <summary>A plain HTML page of the indicators (one table per unit, then its conflicts), every value
/// HTML-encoded.</summary>
public static class IndicatorHtml
{
    // Leaves Chinese and symbols (×, ≥) readable; only markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Write(IndicatorReport report, IReadOnlyList<UnitIndicators> units, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(units);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:1em}")
            .Append("td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}td.n{text-align:right}.met{color:#006400}.notmet{color:#b00000;font-weight:bold}</style>")
            .Append("</head><body><h1>").Append(E(title)).Append("</h1><p>Areas: planar, in each unit's CGCS2000 3-degree Gauss-Krüger zone (")
            .Append(E(report.AreaMethod)).Append("). Computed ").Append(E(report.ComputedAt.ToString("u", CultureInfo.InvariantCulture)))
            .Append(". Other formats: <a href=\"?f=json\">JSON</a>, <a href=\"?f=csv\">CSV</a>.</p>");
        foreach (var unit in units)
        {
            html.Append("<section class=\"unit\" id=\"u").Append(E(unit.Xzqdm)).Append("\"><h2>").Append(E(unit.Xzqmc)).Append(' ').Append(E(unit.Xzqdm)).Append("</h2><p>")
                .Append(E(unit.Plan ?? "no approved plan")).Append(' ').Append(E(unit.Approval ?? "")).Append(" — ").Append(E(string.Join(", ", unit.Crs)));
            if (unit.MissingMembers.Count > 0)
            {
                html.Append(" — members missing from the data: ").Append(E(string.Join(", ", unit.MissingMembers)));
            }

            html.Append("</p><table><thead><tr><th>指标 Indicator</th><th>计算值 Value</th><th>km²</th><th>万亩</th><th>目标 Target</th><th>状态 Status</th><th>余量 Margin</th></tr></thead><tbody>");
            foreach (var i in unit.Indicators)
            {
                string css = i.Status == IndicatorReportBuilder.Met ? "met" : i.Status == IndicatorReportBuilder.NotMet ? "notmet" : "";
                html.Append("<tr><td>").Append(E(i.NameZh)).Append(' ').Append(E(i.NameEn)).Append("</td><td class=\"n\">").Append(N(i.Value)).Append(' ').Append(E(i.Unit))
                    .Append("</td><td class=\"n\">").Append(N(i.ValueKm2)).Append("</td><td class=\"n\">").Append(N(i.ValueWanmu))
                    .Append("</td><td class=\"n\">").Append(i.Target is null ? "—" : (i.Bound == "max" ? "≤ " : "≥ ") + N(i.Target) + " " + E(i.Unit))
                    .Append("</td><td class=\"").Append(css).Append("\">").Append(E(i.Status))
                    .Append("</td><td class=\"n\">").Append(N(i.Margin)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
            if (unit.Conflicts.Count > 0)
            {
                html.Append("<table class=\"conflicts\"><thead><tr><th>三线冲突 Conflict</th><th>Lines</th><th>m²</th><th>lon, lat</th></tr></thead><tbody>");
                foreach (var c in unit.Conflicts)
                {
                    html.Append("<tr><td>").Append(E(c.Bsm)).Append("</td><td>").Append(E(c.LineA)).Append(" × ").Append(E(c.LineB))
                        .Append("</td><td class=\"n\">").Append(N(c.AreaM2)).Append("</td><td>").Append(N(c.Lon)).Append(", ").Append(N(c.Lat)).Append("</td></tr>");
                }

                html.Append("</tbody></table>");
            }
            else
            {
                html.Append("<p>No control-line conflicts 无三线冲突.</p>");
            }

            html.Append("</section>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string E(string text) => Encoder.Encode(text);

    private static string N(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "—";
}

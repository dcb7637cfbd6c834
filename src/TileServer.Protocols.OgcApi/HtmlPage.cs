namespace TileServer.Protocols.OgcApi;

using System.Net;
using System.Text;

/// <summary>A plain server-side HTML page (Part 1 §7.8 conformance class html): every text from data or the
/// request is HTML-encoded, so layer titles and attribute values cannot inject markup.</summary>
public sealed class HtmlPage
{
    private readonly StringBuilder html = new();

    public HtmlPage(string title, string jsonHref, params (string Href, string Text)[] breadcrumbs)
    {
        ArgumentNullException.ThrowIfNull(breadcrumbs);
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}")
            .Append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}nav{margin-bottom:1em}</style></head><body><nav>");
        foreach (var (href, text) in breadcrumbs)
            html.Append("<a href=\"").Append(E(href)).Append("\">").Append(E(text)).Append("</a> / ");
        html.Append(E(title)).Append("</nav><h1>").Append(E(title)).Append("</h1>")
            .Append("<p><a href=\"").Append(E(jsonHref)).Append("\">JSON</a></p>");
    }

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public HtmlPage Paragraph(string text)
    {
        html.Append("<p>").Append(E(text)).Append("</p>");
        return this;
    }

    public HtmlPage Heading(string text)
    {
        html.Append("<h2>").Append(E(text)).Append("</h2>");
        return this;
    }

    public HtmlPage Link(string href, string text)
    {
        html.Append("<p><a href=\"").Append(E(href)).Append("\">").Append(E(text)).Append("</a></p>");
        return this;
    }

    public HtmlPage StartTable(params string[] headers)
    {
        html.Append("<table><tr>");
        foreach (string header in headers)
            html.Append("<th>").Append(E(header)).Append("</th>");
        html.Append("</tr>");
        return this;
    }

    /// <summary>A row of cells; a cell with a link target becomes an anchor, <c>Code</c> cells are set as code.</summary>
    public HtmlPage Row(params HtmlCell[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        html.Append("<tr>");
        foreach (var cell in cells)
        {
            html.Append("<td>");
            string text = cell.Code ? $"<code>{E(cell.Text)}</code>" : E(cell.Text);
            if (cell.Href is null)
                html.Append(text);
            else
                html.Append("<a href=\"").Append(E(cell.Href)).Append("\">").Append(text).Append("</a>");
            html.Append("</td>");
        }

        html.Append("</tr>");
        return this;
    }

    public HtmlPage EndTable()
    {
        html.Append("</table>");
        return this;
    }

    public override string ToString() => html + "</body></html>";
}

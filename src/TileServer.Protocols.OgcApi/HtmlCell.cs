namespace TileServer.Protocols.OgcApi;

/// <summary>One table cell of an <see cref="HtmlPage"/>: text, an optional link, optionally set as code.</summary>
public readonly record struct HtmlCell(string? Text, string? Href = null, bool Code = false)
{
    public static implicit operator HtmlCell(string? text) => new(text);
}

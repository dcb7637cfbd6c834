namespace TileServer.Protocols.OgcApi.Cql2;

/// <summary>One token of a CQL2 text filter; <see cref="Position"/> is its 1-based character offset, used in
/// error messages so a client sees where parsing stopped.</summary>
public readonly record struct Cql2Token(Cql2TokenKind Kind, string Text, int Position)
{
    public bool IsWord(string keyword) => Kind == Cql2TokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind switch
    {
        Cql2TokenKind.End => "the end of the filter",
        Cql2TokenKind.String => $"'{Text}'",
        Cql2TokenKind.QuotedName => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}

namespace TileServer.Protocols.OgcApi.Cql2;

/// <summary>The lexical classes of CQL2 text (OGC 21-065r2, Annex A BNF) that the parser distinguishes.</summary>
public enum Cql2TokenKind
{
    /// <summary>An unquoted identifier or keyword (AND, LIKE, POINT …): keywords are matched case-insensitively.</summary>
    Word,

    /// <summary>A double-quoted property name ("mj").</summary>
    QuotedName,

    /// <summary>A single-quoted character literal, with '' and \' already unescaped.</summary>
    String,

    Number,
    LeftParen,
    RightParen,
    Comma,

    /// <summary>=, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=.</summary>
    Comparison,

    /// <summary>+ - * / and other characters that only arithmetic (not supported) would use.</summary>
    Symbol,
    End,
}

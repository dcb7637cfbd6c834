namespace TileServer.Protocols.OgcApi.Cql2;

using System.Globalization;

/// <summary>Reads a token list front to back for the recursive-descent parser and the geometry reader.</summary>
internal sealed class Cql2TokenCursor(IReadOnlyList<Cql2Token> tokens)
{
    /// <summary>Nesting allowed for parentheses, NOT and geometry collections: the parser and the sources' SQL
    /// translators recurse once per level, so an unbounded filter could exhaust the stack and end the process.</summary>
    public const int MaxDepth = 40;

    private int index;
    private int depth;

    public Cql2Token Current => tokens[index];

    public Cql2Token PeekNext => tokens[Math.Min(index + 1, tokens.Count - 1)];

    public void Descend(Cql2Token at)
    {
        if (++depth > MaxDepth)
            throw Cql2SyntaxError.At(at, $"the filter nests deeper than {MaxDepth} levels");
    }

    public void Ascend() => depth--;

    public Cql2Token Next()
    {
        var token = tokens[index];
        if (token.Kind != Cql2TokenKind.End)
            index++;
        return token;
    }

    public bool TryWord(string keyword)
    {
        if (!Current.IsWord(keyword))
            return false;
        Next();
        return true;
    }

    public bool TryKind(Cql2TokenKind kind)
    {
        if (Current.Kind != kind)
            return false;
        Next();
        return true;
    }

    public Cql2Token Expect(Cql2TokenKind kind, string what)
    {
        if (Current.Kind != kind)
            throw Cql2SyntaxError.At(Current, $"expected {what}, found {Current.Describe()}");
        return Next();
    }

    public void ExpectWord(string keyword)
    {
        if (!TryWord(keyword))
            throw Cql2SyntaxError.At(Current, $"expected {keyword}, found {Current.Describe()}");
    }

    public double Number()
    {
        var token = Expect(Cql2TokenKind.Number, "a number");
        if (!double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw Cql2SyntaxError.At(token, $"'{token.Text}' is not a finite number");
        return value;
    }
}

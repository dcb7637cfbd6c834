namespace TileServer.Protocols.OgcApi.Cql2;

using System.Text;

/// <summary>Splits CQL2 text (OGC 21-065r2 Annex A) into tokens. Character literals are single-quoted, with an
/// embedded quote written '' or \' (rule escapeQuote); property names are bare identifiers or double-quoted.
/// A sign directly before a digit belongs to the number: arithmetic is not supported, so "-" never means minus.</summary>
public static class Cql2Lexer
{
    public static IReadOnlyList<Cql2Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Cql2Token>();
        int i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            if (i == text.Length)
            {
                tokens.Add(new Cql2Token(Cql2TokenKind.End, "", i + 1));
                return tokens;
            }

            int start = i;
            char c = text[i];
            if (c == '\'')
                tokens.Add(new Cql2Token(Cql2TokenKind.String, ReadQuoted(text, ref i), start + 1));
            else if (c == '"')
                tokens.Add(new Cql2Token(Cql2TokenKind.QuotedName, ReadName(text, ref i), start + 1));
            else if (char.IsAsciiDigit(c) || (c is '-' or '+' or '.' && StartsNumber(text, c == '.' ? i : i + 1)))
                tokens.Add(new Cql2Token(Cql2TokenKind.Number, ReadNumber(text, ref i), start + 1));
            else if (IsNameStart(c))
            {
                while (i < text.Length && IsNamePart(text[i]))
                    i++;
                tokens.Add(new Cql2Token(Cql2TokenKind.Word, text[start..i], start + 1));
            }
            else
            {
                i++;
                var kind = c switch
                {
                    '(' => Cql2TokenKind.LeftParen,
                    ')' => Cql2TokenKind.RightParen,
                    ',' => Cql2TokenKind.Comma,
                    '=' => Cql2TokenKind.Comparison,
                    '<' or '>' => Cql2TokenKind.Comparison,
                    _ => Cql2TokenKind.Symbol,
                };
                // <=, >=, <>
                if (c is '<' or '>' && i < text.Length && (text[i] == '=' || (c == '<' && text[i] == '>')))
                    i++;
                tokens.Add(new Cql2Token(kind, text[start..i], start + 1));
            }
        }
    }

    private static bool StartsNumber(string text, int i) =>
        i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])));

    /// <summary>numericLiteral: an optional sign, digits with an optional fraction, an optional exponent.</summary>
    private static string ReadNumber(string text, ref int i)
    {
        int start = i;
        if (text[i] is '-' or '+')
            i++;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            int mark = i++;
            if (i < text.Length && text[i] is '-' or '+')
                i++;
            if (i == text.Length || !char.IsAsciiDigit(text[i]))
                throw Cql2SyntaxError.At(mark + 1, $"the number '{text[start..i]}' has an exponent without digits");
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
        }

        if (i < text.Length && IsNamePart(text[i]))
            throw Cql2SyntaxError.At(i + 1, $"unexpected '{text[i]}' after the number '{text[start..i]}'");
        return text[start..i];
    }

    private static string ReadQuoted(string text, ref int i)
    {
        int start = i++;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            char c = text[i++];
            if (c == '\'' && i < text.Length && text[i] == '\'')
            {
                value.Append('\'');
                i++;
            }
            else if (c == '\\' && i < text.Length && text[i] == '\'')
            {
                value.Append('\'');
                i++;
            }
            else if (c == '\'')
            {
                return value.ToString();
            }
            else
            {
                value.Append(c);
            }
        }

        throw Cql2SyntaxError.At(start + 1, "the character literal is not closed by a single quote");
    }

    private static string ReadName(string text, ref int i)
    {
        int start = i++;
        int close = text.IndexOf('"', i);
        if (close < 0)
            throw Cql2SyntaxError.At(start + 1, "the quoted property name is not closed by a double quote");
        string name = text[i..close];
        if (name.Length == 0)
            throw Cql2SyntaxError.At(start + 1, "the quoted property name is empty");
        i = close + 1;
        return name;
    }

    // identifierStart / identifierPart of the BNF, simplified to Unicode letters, digits, '_', ':' and '.'.
    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or ':';

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '_' or ':' or '.';
}

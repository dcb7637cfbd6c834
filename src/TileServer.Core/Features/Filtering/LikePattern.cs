namespace TileServer.Core.Features.Filtering;

using System.Text;
using TileServer.Core.Errors;

/// <summary>Rewrites a FES 2.0 PropertyIsLike pattern (§7.7.3.4: wildCard, singleChar, escapeChar) into a
/// dialect's own pattern syntax. The caller supplies how a run of literal text is escaped for its dialect and
/// the dialect's two wildcards; the result is bound as a parameter, never spliced into SQL.</summary>
public static class LikePattern
{
    /// <summary>Rewrites <paramref name="filter"/>'s pattern. Literal runs go through
    /// <paramref name="escapeLiteral"/> whole (so case folding sees complete strings, surrogate pairs included).
    /// Throws <see cref="InvalidParameterException"/> when the three special characters are not distinct or the
    /// pattern ends with a lone escape character (it escapes nothing).</summary>
    public static string Rewrite(LikeFilter filter, Func<string, string> escapeLiteral, string anyRun, string singleChar)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(escapeLiteral);
        if (filter.WildCard == filter.SingleChar || filter.WildCard == filter.EscapeChar || filter.SingleChar == filter.EscapeChar)
            throw new InvalidParameterException("filter", "PropertyIsLike: wildCard, singleChar and escapeChar must be three different characters");

        var result = new StringBuilder(filter.Pattern.Length + 8);
        var literal = new StringBuilder();
        var pattern = filter.Pattern;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == filter.EscapeChar)
            {
                if (++i == pattern.Length)
                    throw new InvalidParameterException("filter", $"PropertyIsLike: the pattern '{pattern}' ends with the escape character '{filter.EscapeChar}'");
                literal.Append(pattern[i]);
            }
            else if (c == filter.WildCard || c == filter.SingleChar)
            {
                Flush(result, literal, escapeLiteral);
                result.Append(c == filter.WildCard ? anyRun : singleChar);
            }
            else
            {
                literal.Append(c);
            }
        }

        Flush(result, literal, escapeLiteral);
        return result.ToString();
    }

    private static void Flush(StringBuilder result, StringBuilder literal, Func<string, string> escapeLiteral)
    {
        if (literal.Length == 0)
            return;
        result.Append(escapeLiteral(literal.ToString()));
        literal.Clear();
    }
}

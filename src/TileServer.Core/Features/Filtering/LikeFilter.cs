namespace TileServer.Core.Features.Filtering;

/// <summary>PropertyIsLike (FES 2.0 §7.7.3.4): <see cref="Pattern"/> uses <see cref="WildCard"/> for any
/// run of characters, <see cref="SingleChar"/> for exactly one, and <see cref="EscapeChar"/> before either
/// (or before itself) for the literal character. Sources rewrite the pattern into their own syntax.</summary>
public sealed record LikeFilter(string Field, string Pattern, char WildCard = '*', char SingleChar = '.', char EscapeChar = '!', bool MatchCase = true)
    : FeatureFilter
{
    public override TResult Accept<TResult>(IFeatureFilterVisitor<TResult> visitor) => visitor.Visit(this);
}

namespace TileServer.Services.Features;

using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;

/// <summary>
/// Rewrites the equalities of an OR that name one property into one <see cref="InFilter"/>: a WFS fes:Or of 1,200
/// PropertyIsEqualTo on a land-use code (how desktop clients select by a list of values) is then one predicate,
/// which the sources bind as a flat list, instead of 1,201 nodes that <see cref="FilterSizeCheck"/> would refuse.
/// The meaning is unchanged, NULL included: in SQL's three-valued logic <c>f IN (a, b)</c> is <c>f = a OR f = b</c>
/// (SQLite's datatype rules §4.2 state it; PostgreSQL's <c>= ANY</c> likewise), also under NOT.
/// </summary>
internal sealed class EqualityListFolding : IFeatureFilterVisitor<FeatureFilter>
{
    private static readonly EqualityListFolding Instance = new();

    public static FeatureFilter? Fold(FeatureFilter? filter) => filter?.Accept(Instance);

    public FeatureFilter Visit(OrFilter filter)
    {
        // Equalities grouped by property, case rule and literal type; a group of two or more takes the place of its
        // first member, so the operands' order (and with it the SQL's) stays stable.
        var operands = filter.Operands.Select(o => o.Accept(this)).ToArray();
        var groups = new Dictionary<(string Field, bool MatchCase, FieldType Type), List<ComparisonFilter>>();
        foreach (var operand in operands)
        {
            if (operand is ComparisonFilter { Operator: ComparisonOperator.Equal } equality)
            {
                var key = Key(equality);
                if (!groups.TryGetValue(key, out var members))
                    groups[key] = members = [];
                members.Add(equality);
            }
        }

        var folded = new List<FeatureFilter>(operands.Length);
        foreach (var operand in operands)
        {
            if (operand is not ComparisonFilter { Operator: ComparisonOperator.Equal } equality || groups[Key(equality)] is not { Count: > 1 } members)
                folded.Add(operand);
            else if (ReferenceEquals(members[0], equality))
                folded.Add(new InFilter(equality.Field, [.. members.Select(m => m.Value)], equality.MatchCase));
        }

        return folded.Count == 1 ? folded[0] : new OrFilter(folded);
    }

    private static (string Field, bool MatchCase, FieldType Type) Key(ComparisonFilter equality) =>
        (equality.Field, equality.MatchCase, equality.Value.Type);

    public FeatureFilter Visit(AndFilter filter) => new AndFilter([.. filter.Operands.Select(o => o.Accept(this))]);

    public FeatureFilter Visit(NotFilter filter) => new NotFilter(filter.Operand.Accept(this));

    public FeatureFilter Visit(ComparisonFilter filter) => filter;

    public FeatureFilter Visit(LikeFilter filter) => filter;

    public FeatureFilter Visit(NullFilter filter) => filter;

    public FeatureFilter Visit(BetweenFilter filter) => filter;

    public FeatureFilter Visit(InFilter filter) => filter;

    public FeatureFilter Visit(IdFilter filter) => filter;

    public FeatureFilter Visit(SpatialFilter filter) => filter;
}

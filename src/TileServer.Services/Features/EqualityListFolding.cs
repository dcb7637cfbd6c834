namespace TileServer.Services.Features;

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
        // Equalities grouped by property, case rule and literal type, in order of first appearance; the group
        // takes the place of its first member, so the operands' order (and with it the SQL's) stays stable.
        var groups = new Dictionary<(string Field, bool MatchCase, Core.Features.FieldType Type), List<ComparisonFilter>>();
        var order = new List<object>(filter.Operands.Count);
        foreach (var operand in filter.Operands)
        {
            var folded = operand.Accept(this);
            if (folded is ComparisonFilter { Operator: ComparisonOperator.Equal } equality)
            {
                var key = (equality.Field, equality.MatchCase, equality.Value.Type);
                if (!groups.TryGetValue(key, out var equalities))
                {
                    groups[key] = equalities = [];
                    order.Add(key);
                }

                equalities.Add(equality);
            }
            else
            {
                order.Add(folded);
            }
        }

        var operands = new List<FeatureFilter>(order.Count);
        foreach (var item in order)
        {
            if (item is FeatureFilter kept)
            {
                operands.Add(kept);
                continue;
            }

            var key = ((string Field, bool MatchCase, Core.Features.FieldType Type))item;
            var equalities = groups[key];
            operands.Add(equalities.Count == 1 ? equalities[0] : new InFilter(key.Field, [.. equalities.Select(e => e.Value)], key.MatchCase));
        }

        return operands.Count == 1 ? operands[0] : new OrFilter(operands);
    }

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

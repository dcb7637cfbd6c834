namespace TileServer.Services.Features;

using TileServer.Core.Errors;
using TileServer.Core.Features.Filtering;

/// <summary>Bounds the size of a filter before a source translates it. The translators write an OR or AND of n operands
/// as a chain that SQLite parses n levels deep, and SQLite refuses expressions deeper than 1,000 levels (its
/// SQLITE_MAX_EXPR_DEPTH); a long CQL2 IN list or a WFS POST with a large fes:Or then failed as a 500. Counting every
/// node keeps the depth of any translation below <see cref="FeatureService.MaxFilterPredicates"/>. Resource ids and IN
/// lists are flat lists and are bounded separately: the ids of each ResourceId, and the values of all IN lists of the
/// filter together (an SQLite statement takes at most 32,766 parameters, and a list of reals is bound value by value).</summary>
internal sealed class FilterSizeCheck : IFeatureFilterVisitor<int>
{
    private int listValues;

    public static void Validate(FeatureFilter? filter)
    {
        var check = new FilterSizeCheck(); // Per call: it tallies the list values of this filter.
        int nodes = filter?.Accept(check) ?? 0;
        if (nodes > FeatureService.MaxFilterPredicates)
            throw new InvalidParameterException("filter", $"the filter has {nodes} predicates and operators; at most {FeatureService.MaxFilterPredicates} are accepted");
        if (check.listValues > FeatureService.MaxFilterListValues)
            throw new InvalidParameterException("filter", $"the filter's IN lists hold {check.listValues} values; at most {FeatureService.MaxFilterListValues} in all are accepted");
    }

    public int Visit(ComparisonFilter filter) => 1;

    public int Visit(LikeFilter filter) => 1;

    public int Visit(NullFilter filter) => 1;

    public int Visit(BetweenFilter filter) => 1;

    /// <summary>A list is one predicate (the sources bind it flat); its values count towards the filter's total.</summary>
    public int Visit(InFilter filter)
    {
        listValues += filter.Values.Count;
        return 1;
    }

    public int Visit(AndFilter filter) => 1 + filter.Operands.Sum(o => o.Accept(this));

    public int Visit(OrFilter filter) => 1 + filter.Operands.Sum(o => o.Accept(this));

    public int Visit(NotFilter filter) => 1 + filter.Operand.Accept(this);

    public int Visit(IdFilter filter) => filter.Fids.Count <= FeatureService.MaxFilterIds ? 1
        : throw new InvalidParameterException("filter", $"the filter names {filter.Fids.Count} resource ids; at most {FeatureService.MaxFilterIds} are accepted");

    public int Visit(SpatialFilter filter) => 1;
}

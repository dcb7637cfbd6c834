namespace TileServer.Services.Features;

using TileServer.Core.Errors;
using TileServer.Core.Features.Filtering;

/// <summary>Bounds the size of a filter before a source translates it. The translators write an OR or AND of n operands
/// as a chain that SQLite parses n levels deep, and SQLite refuses expressions deeper than 1,000 levels (its
/// SQLITE_MAX_EXPR_DEPTH); a long CQL2 IN list or a WFS POST with a large fes:Or then failed as a 500. Counting every
/// node keeps the depth of any translation below <see cref="FeatureService.MaxFilterPredicates"/>. Resource ids and IN
/// lists are flat lists of parameters and are bounded separately, well below SQLite's 32,766 parameters per statement
/// (and PostgreSQL binds an IN list as one array).</summary>
internal sealed class FilterSizeCheck : IFeatureFilterVisitor<int>
{
    private static readonly FilterSizeCheck Instance = new();

    public static void Validate(FeatureFilter? filter)
    {
        int nodes = filter?.Accept(Instance) ?? 0;
        if (nodes > FeatureService.MaxFilterPredicates)
            throw new InvalidParameterException("filter", $"the filter has {nodes} predicates and operators; at most {FeatureService.MaxFilterPredicates} are accepted");
    }

    public int Visit(ComparisonFilter filter) => 1;

    public int Visit(LikeFilter filter) => 1;

    public int Visit(NullFilter filter) => 1;

    public int Visit(BetweenFilter filter) => 1;

    /// <summary>A list is one predicate: the sources bind its values flat, as parameters.</summary>
    public int Visit(InFilter filter) => filter.Values.Count <= FeatureService.MaxFilterListValues ? 1
        : throw new InvalidParameterException("filter", $"the filter lists {filter.Values.Count} values for '{filter.Field}'; at most {FeatureService.MaxFilterListValues} are accepted");

    public int Visit(AndFilter filter) => 1 + filter.Operands.Sum(o => o.Accept(this));

    public int Visit(OrFilter filter) => 1 + filter.Operands.Sum(o => o.Accept(this));

    public int Visit(NotFilter filter) => 1 + filter.Operand.Accept(this);

    public int Visit(IdFilter filter) => filter.Fids.Count <= FeatureService.MaxFilterIds ? 1
        : throw new InvalidParameterException("filter", $"the filter names {filter.Fids.Count} resource ids; at most {FeatureService.MaxFilterIds} are accepted");

    public int Visit(SpatialFilter filter) => 1;
}

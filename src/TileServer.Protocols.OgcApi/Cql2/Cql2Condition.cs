namespace TileServer.Protocols.OgcApi.Cql2;

using TileServer.Core.Features.Filtering;

/// <summary>A parsed boolean expression: either a filter for the source or a constant (TRUE, FALSE, or a
/// comparison of two literals such as the common "1=1"). Constants are folded away here, because the Core
/// filter model has no constant node and a source must never be asked to evaluate anything in process.</summary>
internal sealed record Cql2Condition(FeatureFilter? Filter, bool Constant)
{
    public static readonly Cql2Condition True = new(null, true);
    public static readonly Cql2Condition False = new(null, false);

    public bool IsConstant => Filter is null;

    public static Cql2Condition Of(FeatureFilter filter) => new(filter, false);

    public static Cql2Condition And(IReadOnlyList<Cql2Condition> operands)
    {
        if (operands.Any(o => o.IsConstant && !o.Constant))
            return False;
        var filters = operands.Where(o => !o.IsConstant).Select(o => o.Filter!).ToArray();
        return filters.Length switch { 0 => True, 1 => Of(filters[0]), _ => Of(new AndFilter(filters)) };
    }

    public static Cql2Condition Or(IReadOnlyList<Cql2Condition> operands)
    {
        if (operands.Any(o => o.IsConstant && o.Constant))
            return True;
        var filters = operands.Where(o => !o.IsConstant).Select(o => o.Filter!).ToArray();
        return filters.Length switch { 0 => False, 1 => Of(filters[0]), _ => Of(new OrFilter(filters)) };
    }

    public Cql2Condition Negate() => IsConstant ? (Constant ? False : True) : Of(new NotFilter(Filter!));
}

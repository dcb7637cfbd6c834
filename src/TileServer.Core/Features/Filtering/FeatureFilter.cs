namespace TileServer.Core.Features.Filtering;

/// <summary>A predicate over a layer's features, as an immutable tree that protocol adapters build from
/// FES 2.0 / CQL / query parameters and that sources translate into parameterized SQL of their own
/// dialect. Nothing evaluates it in process: a source that cannot translate a node must reject it.
/// Field names are the source table's column names; literal values already have the field's type
/// (see <see cref="FilterValue"/>).</summary>
public abstract record FeatureFilter
{
    private protected FeatureFilter()
    {
    }

    public abstract TResult Accept<TResult>(IFeatureFilterVisitor<TResult> visitor);
}

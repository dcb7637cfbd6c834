namespace TileServer.Core.Features.Filtering;

/// <summary>One method per filter node: translators implement it so that a new node kind is a compile
/// error in every source rather than a silently ignored predicate.</summary>
public interface IFeatureFilterVisitor<out TResult>
{
    TResult Visit(ComparisonFilter filter);
    TResult Visit(LikeFilter filter);
    TResult Visit(NullFilter filter);
    TResult Visit(BetweenFilter filter);
    TResult Visit(InFilter filter);
    TResult Visit(AndFilter filter);
    TResult Visit(OrFilter filter);
    TResult Visit(NotFilter filter);
    TResult Visit(IdFilter filter);
    TResult Visit(SpatialFilter filter);
}

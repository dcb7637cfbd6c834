namespace TileServer.Services.Features;

using TileServer.Core.Features.Filtering;
using TileServer.Core.Layers;

/// <summary>Checks that a filter only names exposed fields of the layer, with literals of the field's type,
/// so a filter can never reach a column the layer does not publish.</summary>
internal sealed class FilterFieldCheck(PublishedLayer layer) : IFeatureFilterVisitor<bool>
{
    public static void Validate(PublishedLayer layer, FeatureFilter? filter) => filter?.Accept(new FilterFieldCheck(layer));

    public bool Visit(ComparisonFilter filter) => Typed(filter.Field, filter.Value);

    public bool Visit(LikeFilter filter) => Known(filter.Field);

    public bool Visit(NullFilter filter) => Known(filter.Field);

    public bool Visit(BetweenFilter filter) => Typed(filter.Field, filter.Lower) && Typed(filter.Field, filter.Upper);

    public bool Visit(InFilter filter) => filter.Values.All(value => Typed(filter.Field, value));

    public bool Visit(AndFilter filter) => filter.Operands.All(o => o.Accept(this));

    public bool Visit(OrFilter filter) => filter.Operands.All(o => o.Accept(this));

    public bool Visit(NotFilter filter) => filter.Operand.Accept(this);

    public bool Visit(IdFilter filter) => true;

    public bool Visit(SpatialFilter filter) => true;

    private bool Known(string name)
    {
        FeatureService.Field(layer, name, "filter");
        return true;
    }

    private bool Typed(string name, FilterValue value)
    {
        var field = FeatureService.Field(layer, name, "filter");
        if (field.Type != value.Type)
            throw new Core.Errors.InvalidParameterException("filter", $"property '{name}' is {field.Type}, the literal '{value}' is {value.Type}");
        return true;
    }
}

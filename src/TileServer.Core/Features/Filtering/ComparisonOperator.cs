namespace TileServer.Core.Features.Filtering;

/// <summary>The binary comparison operators of FES 2.0 §7.7.3 (PropertyIsEqualTo … PropertyIsGreaterThanOrEqualTo).</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
}

namespace TileServer.Core.Features.Filtering;

/// <summary>One SortBy property (FES 2.0 §7.9): a field of the table, ascending unless <see cref="Descending"/>.
/// Sources always append the row id as the last key, so pages never overlap or skip rows.</summary>
public sealed record SortKey(string Field, bool Descending = false);

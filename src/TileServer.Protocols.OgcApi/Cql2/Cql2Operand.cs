namespace TileServer.Protocols.OgcApi.Cql2;

using TileServer.Core.Features;

/// <summary>A scalar operand of a CQL2 predicate: a queryable property (a layer field) or a literal.
/// <see cref="CaseInsensitive"/> marks an operand wrapped in CASEI(…) (21-065r2 §9, case-insensitive comparison).</summary>
internal sealed record Cql2Operand(Cql2Token Token, FieldDefinition? Field, Cql2LiteralKind Literal, bool CaseInsensitive = false)
{
    public bool IsProperty => Field is not null;

    public string Text => Token.Text;
}

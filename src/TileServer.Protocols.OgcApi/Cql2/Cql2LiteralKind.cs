namespace TileServer.Protocols.OgcApi.Cql2;

/// <summary>The scalar data types of CQL2 (21-065r2 §6.3) that can appear as literals here; None marks a property.</summary>
internal enum Cql2LiteralKind
{
    None,
    String,
    Number,
    Boolean,
}

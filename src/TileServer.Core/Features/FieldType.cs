namespace TileServer.Core.Features;

/// <summary>Attribute types every source and protocol can carry without loss.</summary>
public enum FieldType
{
    Text,
    Integer,
    Real,
}

namespace TileServer.Core.Features;

/// <summary>One attribute column of a feature layer. Names are lowercase by project convention.</summary>
public sealed record FieldDefinition(string Name, FieldType Type, string? TitleZh = null);

namespace TileServer.Sources.GeoPackage.Reading;

/// <summary>Statement text with its named parameters (placeholders such as @f0 in the text).</summary>
internal sealed record SqlStatement(string Text, IReadOnlyList<KeyValuePair<string, object>> Parameters);

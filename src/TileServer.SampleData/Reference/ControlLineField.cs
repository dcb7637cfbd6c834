namespace TileServer.SampleData.Reference;

/// <summary>A field of a control-line layer as listed in control_lines.json (name kept as written there).</summary>
public sealed record ControlLineField(string Field, string AliasZh, string Type, int? Length);

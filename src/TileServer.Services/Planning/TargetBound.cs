namespace TileServer.Services.Planning;

/// <summary>One approved binding target: a minimum (不低于) or a maximum (不超过/以内), in the unit the
/// approval writes it in (万亩, km², or a multiple).</summary>
public sealed record TargetBound(double Value, bool IsMaximum);

namespace TileServer.SampleData.Reference;

/// <summary>One code of the 2023 用地用海分类.</summary>
public sealed record LanduseClass(string Code, string NameZh, int Level, string? Parent);

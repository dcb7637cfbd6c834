namespace TileServer.Styling.Tests;

/// <summary>A feature with only a land-use code, as a struct so resolving it cannot box.</summary>
internal readonly struct CodeOnlyAttributes(string code) : IAttributeSource
{
    public string? GetValue(string field) => field == "ydyhfldm" ? code : null;
}

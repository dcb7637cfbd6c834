namespace TileServer.Protocols.Xyz;

/// <summary>Settings of the XYZ tile and TileJSON endpoints.</summary>
public sealed record XyzOptions
{
    /// <summary>Cache-Control max-age of tile responses.</summary>
    public int MaxAgeSeconds { get; init; } = 3600;

    /// <summary>TileJSON attribution (HTML allowed by TileJSON 3.0.0 §3.2).</summary>
    public string Attribution { get; init; } = "";
}

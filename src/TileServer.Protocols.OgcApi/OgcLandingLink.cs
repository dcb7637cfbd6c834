namespace TileServer.Protocols.OgcApi;

/// <summary>A link the host adds to the landing page (e.g. its map viewer), beside the links of OGC API itself;
/// <see cref="Path"/> is relative to the service root.</summary>
public sealed class OgcLandingLink
{
    public required string Path { get; init; }

    public required string Rel { get; init; }

    public required string Type { get; init; }

    public required string Title { get; init; }
}

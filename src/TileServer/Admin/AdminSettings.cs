namespace TileServer.Admin;

/// <summary>The administrative API (<c>TileServer:Admin</c>). With no key configured it is switched off.</summary>
public sealed record AdminSettings
{
    /// <summary>Value the <c>X-Api-Key</c> header must carry; set it through the environment
    /// (<c>TileServer__Admin__ApiKey</c>) rather than in the committed file.</summary>
    public string ApiKey { get; init; } = "";
}

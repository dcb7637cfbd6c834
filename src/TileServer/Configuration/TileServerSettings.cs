namespace TileServer.Configuration;

using TileServer.Core.Layers;
using TileServer.Protocols.Xyz;
using TileServer.Services.Tiles;

/// <summary>The <c>TileServer</c> configuration section (config/tileserver.json, overridable by
/// environment variables such as <c>TileServer__Cache__MemoryMegabytes</c> and command-line options
/// such as <c>--TileServer:Cache:MemoryMegabytes=64</c>).</summary>
public sealed record TileServerSettings
{
    public const string SectionName = "TileServer";

    /// <summary>The environment variable that, when set, makes PostGIS the default source.</summary>
    public const string PostGisVariable = "TILESERVER_POSTGIS";

    /// <summary>The source id a PostGIS connection from <see cref="PostGisVariable"/> is registered under.</summary>
    public const string PostGisSourceId = "postgis";

    public string Urls { get; init; } = "http://localhost:8080";

    /// <summary>The source of layers that name none.</summary>
    public string DefaultSource { get; init; } = "sample";

    /// <summary>Publish every table of the default source that no configured layer covers (Martin and
    /// pg_tileserv style). Always on when no layer is configured.</summary>
    public bool DiscoverLayers { get; init; }
    public Dictionary<string, SourceSettings> Sources { get; init; } = new(StringComparer.Ordinal);
    public List<LayerDefinition> Layers { get; init; } = [];
    public CacheSettings Cache { get; init; } = new();
    public VectorTileOptions VectorTiles { get; init; } = new();
    public XyzOptions Xyz { get; init; } = new();
    public Admin.AdminSettings Admin { get; init; } = new();
}

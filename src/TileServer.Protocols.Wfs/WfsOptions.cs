namespace TileServer.Protocols.Wfs;

/// <summary>Settings of the WFS endpoint (configuration section TileServer:Wfs); defaults when absent.</summary>
public sealed record WfsOptions
{
    /// <summary>Features returned when a request gives no count; advertised as the CountDefault constraint
    /// (09-025r2 Table 13).</summary>
    public int DefaultCount { get; init; } = 1000;

    /// <summary>The per-request cap: a larger count is lowered to this, and the next link pages on.</summary>
    public int MaxCount { get; init; } = 10000;

    /// <summary>numberMatched is counted exactly up to this many matches (or just past the requested page, when
    /// that is further); beyond, counting stops and numberMatched is "unknown". Keeps every page of a
    /// million-row layer from scanning the whole layer; resultType=hits still counts everything.</summary>
    public long ExactCountLimit { get; init; } = 100_000;

    /// <summary>The one namespace of every feature type (DescribeFeatureType's targetNamespace).</summary>
    public string FeatureNamespace { get; init; } = "http://tileserver.cn/planning";

    public string FeatureNamespacePrefix { get; init; } = "gh";

    public string Title { get; init; } = "国土空间总体规划要素服务 Territorial spatial master plan feature service";

    public string Abstract { get; init; } =
        "三条控制线（永久基本农田、生态保护红线、城镇开发边界）与规划用地用海的矢量要素。 Features of the three control lines and planned land and sea use.";

    public string ProviderName { get; init; } = "TileServer";
}

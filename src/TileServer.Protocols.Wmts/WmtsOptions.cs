namespace TileServer.Protocols.Wmts;

/// <summary>Settings of the WMTS endpoints; registered in DI by the host, defaults used when absent.</summary>
public sealed record WmtsOptions
{
    /// <summary>Cache-Control max-age of tile responses.</summary>
    public int MaxAgeSeconds { get; init; } = 3600;

    /// <summary>GetFeatureInfo searches this many pixels around the pixel centre for lines and points
    /// (polygons must cover the centre itself).</summary>
    public double FeatureInfoTolerancePixels { get; init; } = 2;

    /// <summary>At most this many features per GetFeatureInfo answer.</summary>
    public int FeatureInfoMaxFeatures { get; init; } = 50;

    public string TitleZh { get; init; } = "国土空间总体规划瓦片服务";

    public string TitleEn { get; init; } = "Territorial spatial master plan tile service";

    public string AbstractZh { get; init; } =
        "三条控制线（永久基本农田、生态保护红线、城镇开发边界）与规划用地用海的栅格瓦片，按国家规划配色渲染。";

    public string AbstractEn { get; init; } =
        "Raster tiles of the three control lines (permanent basic farmland, ecological protection red line, urban development boundary) and planned land and sea use, in the national planning colours.";
}

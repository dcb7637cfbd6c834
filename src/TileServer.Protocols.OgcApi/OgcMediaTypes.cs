namespace TileServer.Protocols.OgcApi;

/// <summary>Media types of OGC API – Features Part 1 §7.2–7.4 and OGC API – Tiles §7.</summary>
public static class OgcMediaTypes
{
    public const string Json = "application/json";
    public const string GeoJson = "application/geo+json";
    public const string Html = "text/html";
    public const string HtmlUtf8 = "text/html; charset=utf-8";
    public const string OpenApi = "application/vnd.oai.openapi+json;version=3.0";
    public const string Problem = "application/problem+json";
    public const string JsonSchema = "application/schema+json";
    public const string Mvt = "application/vnd.mapbox-vector-tile";
    public const string Png = "image/png";
}

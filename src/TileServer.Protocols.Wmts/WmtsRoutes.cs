namespace TileServer.Protocols.Wmts;

/// <summary>The paths of the WMTS endpoints: one KVP endpoint (07-057r7 §8) and the RESTful resources
/// under /wmts/1.0.0 (07-057r7 §10, whose examples put the version right after the service root).</summary>
public static class WmtsRoutes
{
    public const string Kvp = "/wmts";
    public const string RestRoot = "/wmts/1.0.0";
    public const string RestCapabilities = RestRoot + "/WMTSCapabilities.xml";
    public const string RestTile = RestRoot + "/{layer}/{style}/{tileMatrixSet}/{tileMatrix}/{tileRow}/{tileCol}.png";
}

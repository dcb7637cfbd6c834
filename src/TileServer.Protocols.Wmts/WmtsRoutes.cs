namespace TileServer.Protocols.Wmts;

/// <summary>The paths of the WMTS endpoints: one KVP endpoint (07-057r7 §8) and the RESTful resources
/// under /wmts/1.0.0 (07-057r7 §10, whose examples put the version right after the service root).</summary>
public static class WmtsRoutes
{
    public const string Kvp = "/wmts";
    public const string RestRoot = "/wmts/1.0.0";
    public const string RestCapabilities = RestRoot + "/WMTSCapabilities.xml";
    /// <summary>The extension stands for the Format (only ".png" is offered); any extension is routed so that
    /// the handler answers an unoffered one with an OWS exception rather than a bare 404.</summary>
    public const string RestTile = RestRoot + "/{layer}/{style}/{tileMatrixSet}/{tileMatrix}/{tileRow}/{tileCol}.{extension}";

    /// <summary>07-057r7 §10.2.1: the FeatureInfo resource adds the pixel row J and column I to the tile path.</summary>
    public const string RestFeatureInfo = RestRoot + "/{layer}/{style}/{tileMatrixSet}/{tileMatrix}/{tileRow}/{tileCol}/{j}/{i}.{extension}";
}

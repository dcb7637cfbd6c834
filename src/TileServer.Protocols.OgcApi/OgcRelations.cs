namespace TileServer.Protocols.OgcApi;

/// <summary>Link relations beyond the IANA registry, from the OGC link relation register
/// (http://www.opengis.net/def/rel/ogc/1.0/…) as used by OGC API – Features and Tiles.</summary>
public static class OgcRelations
{
    public const string Conformance = "conformance";
    public const string Data = "data";
    public const string Queryables = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
    public const string TilingSchemes = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";
    public const string TilingScheme = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    public const string TilesetsVector = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
    public const string TilesetsMap = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map";
    public const string Items = "items";
}

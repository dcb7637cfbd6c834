namespace TileServer.Protocols.OgcApi;

/// <summary>The representations of an OGC API resource: JSON (GeoJSON for features) or HTML.</summary>
public enum OgcFormat
{
    Json,
    Html,
}

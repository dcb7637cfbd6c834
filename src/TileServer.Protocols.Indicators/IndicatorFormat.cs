namespace TileServer.Protocols.Indicators;

/// <summary>The representations of the indicators resources.</summary>
public enum IndicatorFormat
{
    Json,
    Html,
    Csv,
}

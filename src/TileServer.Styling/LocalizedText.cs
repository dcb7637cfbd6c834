namespace TileServer.Styling;

/// <summary>A label in Chinese and English; planning users read the Chinese, integrators the English.</summary>
public sealed record LocalizedText(string Zh, string En);

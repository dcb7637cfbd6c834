namespace TileServer.Core.Errors;

/// <summary>Configuration or data that prevents start-up; its message is shown as one line.</summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);

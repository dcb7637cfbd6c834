namespace TileServer.Core.Errors;

/// <summary>A data file or database that is missing, unreadable or not what it claims to be. The message
/// names the file or source and is fit to show as a single line.</summary>
public sealed class DataSourceException(string message, Exception? inner = null) : Exception(message, inner);

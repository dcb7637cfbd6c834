namespace TileServer.Cli;

/// <summary>A malformed command line; reported as one line with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

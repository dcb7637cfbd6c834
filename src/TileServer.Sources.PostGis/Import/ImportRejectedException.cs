namespace TileServer.Sources.PostGis.Import;

/// <summary>An import refused before anything was changed: the table exists in Create mode, invalid
/// geometries under <see cref="InvalidGeometryHandling.Reject"/>, or a name that is not a plain
/// identifier. The message is one line fit for the CLI.</summary>
public sealed class ImportRejectedException(string message, long invalidGeometries = 0, IReadOnlyList<long>? firstInvalidFids = null, Exception? inner = null)
    : Exception(message, inner)
{
    public long InvalidGeometries { get; } = invalidGeometries;

    public IReadOnlyList<long> FirstInvalidFids { get; } = firstInvalidFids ?? [];
}

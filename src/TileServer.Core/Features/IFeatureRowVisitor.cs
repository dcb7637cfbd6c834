namespace TileServer.Core.Features;

/// <summary>Receives the rows of an <see cref="IFeatureRowScan"/> one at a time, while the source is positioned
/// on them.</summary>
public interface IFeatureRowVisitor
{
    /// <summary>One row: its id, its geometry as ISO/OGC WKB and the values of the requested fields in the order
    /// requested. <paramref name="wkb"/> and <paramref name="values"/> are the source's own buffers, valid only
    /// during the call.</summary>
    void Visit(long fid, ReadOnlySpan<byte> wkb, object?[] values);
}

namespace TileServer.Sources.GeoPackage.Tests.Support;

using TileServer.Core.Features;

/// <summary>Copies each visited row out of the source's buffers.</summary>
public sealed class CollectingVisitor : IFeatureRowVisitor
{
    public List<(long Fid, byte[] Wkb, object?[] Values)> Rows { get; } = [];

    public Action? AfterRow { get; init; }

    public void Visit(long fid, ReadOnlySpan<byte> wkb, object?[] values)
    {
        Rows.Add((fid, wkb.ToArray(), [.. values]));
        AfterRow?.Invoke();
    }
}

namespace TileServer.Benchmarks;

using TileServer.Core.Features;

/// <summary>Counts the rows a row scan visits, touching each row's WKB length as a renderer would touch its bytes.</summary>
public sealed class RowCounter : IFeatureRowVisitor
{
    public long Rows { get; set; }

    public void Visit(long fid, ReadOnlySpan<byte> wkb, object?[] values) => Rows += wkb.Length > 0 ? 1 : 0;
}

namespace TileServer.Sources.PostGis.Changes;

using TileServer.Core.Geometry;

/// <summary>One notified change of a published table (its key as in <see cref="TileServer.Core.Features.SourceLayerInfo.Table"/>):
/// the old and new boxes of the changed rows in lon/lat EPSG:4490, or none when anything may have changed
/// (TRUNCATE, a replaced table, notifications lost while the listener was disconnected).</summary>
public sealed record TableChange(string Table, IReadOnlyList<BoundingBox> Boxes)
{
    public bool IsWholeTable => Boxes.Count == 0;
}

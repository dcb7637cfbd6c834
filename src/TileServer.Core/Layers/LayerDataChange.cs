namespace TileServer.Core.Layers;

using TileServer.Core.Geometry;

/// <summary>The data behind a published layer changed. <see cref="ChangedAreas"/> holds the old and new
/// bounding boxes (lon/lat, EPSG:4490) of the changed features when the source can tell them (PostGIS
/// triggers); empty means "anything may have changed" (a replaced GeoPackage file, a truncated table).</summary>
public sealed record LayerDataChange(string LayerId, IReadOnlyList<BoundingBox> ChangedAreas)
{
    public static LayerDataChange Whole(string layerId) => new(layerId, []);

    public bool IsWholeLayer => ChangedAreas.Count == 0;
}

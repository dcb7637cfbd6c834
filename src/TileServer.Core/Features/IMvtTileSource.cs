namespace TileServer.Core.Features;

using TileServer.Core.Tiling;

/// <summary>A source that can cut Mapbox Vector Tiles itself (PostGIS ST_AsMVT), for a composite of its
/// tables in one round trip. The tile service uses it when every layer of a request lives in this
/// source and it is measured faster than encoding in process.</summary>
public interface IMvtTileSource
{
    /// <summary>Returns the encoded tile (empty array when no layer has features) for WebMercatorQuad.</summary>
    Task<byte[]> GetMvtTileAsync(IReadOnlyList<MvtLayerRequest> layers, TileCoordinate tile, MvtTileSettings settings, CancellationToken cancellationToken);
}

/// <summary>One layer of a database-made tile: the MVT layer name, the source table, the attribute columns
/// to carry (in order) and the column whose numeric value is the feature id (null for the row id).</summary>
public sealed record MvtLayerRequest(string LayerName, string Table, IReadOnlyList<string> Fields, string? IdField);

/// <summary>Tile cutting parameters shared by the in-process and in-database paths.</summary>
public sealed record MvtTileSettings(uint Extent, int Buffer, double SimplifyPixels, double MinPolygonAreaPixels);

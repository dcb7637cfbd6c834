namespace TileServer.Services.Tiles;

/// <summary>How vector tiles are cut. Pixel measures refer to a 256-pixel rendering of the tile.</summary>
public sealed record VectorTileOptions
{
    /// <summary>MVT extent (MVT 2.1 §4.3.1); 4096 is what every common client expects.</summary>
    public uint Extent { get; init; } = 4096;

    /// <summary>Buffer around the tile, in extent units, so strokes and labels do not break at tile edges.</summary>
    public int Buffer { get; init; } = 64;

    /// <summary>Douglas–Peucker tolerance in screen pixels; a quarter pixel is invisible yet removes
    /// most vertices of dense parcels at low zoom.</summary>
    public double SimplifyPixels { get; init; } = 0.25;

    /// <summary>Polygons smaller than this many square pixels are dropped (sub-pixel features).</summary>
    public double MinPolygonAreaPixels { get; init; } = 0.25;

    /// <summary>Let a source that can cut tiles itself (PostGIS ST_AsMVT) make the whole tile when every
    /// requested layer lives in it. Off by default: encoding PostGIS WKB in process measured 2–4× faster than
    /// ST_AsMVT on heavy tiles and no slower on light ones (docs/benchmarks.md).</summary>
    public bool PreferDatabaseTiles { get; init; }

    /// <summary>zlib level (1–9) of the gzip copy made once per produced tile; see <see cref="TileHasher"/> for
    /// why the default is 2 rather than 6.</summary>
    public int GzipLevel { get; init; } = TileHasher.DefaultGzipLevel;

    public double ExtentUnitsPerPixel => Extent / 256.0;
}

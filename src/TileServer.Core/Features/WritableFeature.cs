namespace TileServer.Core.Features;

using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

/// <summary>A feature to be written by an importer or generator: geometry plus values in the order of
/// the layer schema's fields. A feature read from a store can carry its geometry as the WKB it was
/// stored in (<see cref="FromWkb"/>): writers that speak WKB pass those bytes through untouched, and
/// the NetTopologySuite geometry is only decoded if something asks for it.</summary>
public sealed record WritableFeature
{
    private Geometry? geometry;

    public WritableFeature(Geometry geometry, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(values);
        this.geometry = geometry;
        Values = values;
    }

    private WritableFeature(ReadOnlyMemory<byte> wkb, int srid, object?[] values)
    {
        Wkb = wkb;
        Srid = srid;
        Values = values;
    }

    /// <summary>The geometry, decoded from <see cref="Wkb"/> on first use when the feature was made from WKB.</summary>
    public Geometry Geometry => geometry ??= Decode();

    /// <summary>The stored ISO/OGC WKB when the feature was read as such; null otherwise.</summary>
    public ReadOnlyMemory<byte>? Wkb { get; }

    /// <summary>The SRID given with <see cref="Wkb"/> (0 when the feature was made from a geometry).</summary>
    public int Srid { get; }

    public object?[] Values { get; init; }

    public static WritableFeature FromWkb(ReadOnlyMemory<byte> wkb, int srid, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (wkb.Length < 5)
            throw new ArgumentException("WKB shorter than its header", nameof(wkb));
        return new WritableFeature(wkb, srid, values);
    }

    private Geometry Decode()
    {
        var decoded = new WKBReader().Read(Wkb!.Value.ToArray());
        decoded.SRID = Srid;
        return decoded;
    }
}

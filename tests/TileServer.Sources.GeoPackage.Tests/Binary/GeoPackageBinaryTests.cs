namespace TileServer.Sources.GeoPackage.Tests.Binary;

using System.Buffers.Binary;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Binary;
using TileServer.Sources.GeoPackage.Tests.Support;

public sealed class GeoPackageBinaryTests
{
    private static readonly byte[] PointWkb = new WKBWriter(ByteOrder.LittleEndian, false, false, false)
        .Write(new GeometryFactory().CreatePoint(new Coordinate(3.5, -7.25)));

    /// <summary>Builds a header by hand: flags bit 0 byte order, bits 1-3 envelope indicator, bit 4 empty.</summary>
    private static byte[] Blob(int indicator, bool littleEndian, bool empty = false, int srid = 4490, byte[]? wkb = null)
    {
        var envelopeDoubles = indicator switch { 0 => 0, 1 => 4, 2 or 3 => 6, 4 => 8, _ => 0 };
        var blob = new byte[8 + envelopeDoubles * 8 + (wkb?.Length ?? PointWkb.Length)];
        blob[0] = (byte)'G';
        blob[1] = (byte)'P';
        blob[3] = (byte)((littleEndian ? 1 : 0) | (indicator << 1) | (empty ? 0x10 : 0));
        if (littleEndian)
            BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), srid);
        else
            BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4), srid);
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8]; // minx=1, maxx=2, miny=3, maxy=4, then z/m ranges
        for (var i = 0; i < envelopeDoubles; i++)
        {
            var span = blob.AsSpan(8 + i * 8);
            if (littleEndian)
                BinaryPrimitives.WriteDoubleLittleEndian(span, values[i]);
            else
                BinaryPrimitives.WriteDoubleBigEndian(span, values[i]);
        }

        (wkb ?? PointWkb).CopyTo(blob, 8 + envelopeDoubles * 8);
        return blob;
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(1, 40)]
    [InlineData(2, 56)]
    [InlineData(3, 56)]
    [InlineData(4, 72)]
    public void Every_envelope_indicator_gives_the_right_header_length_and_xy_envelope(int indicator, int expectedLength)
    {
        var blob = Blob(indicator, littleEndian: true);

        var header = GeoPackageBinary.ReadHeader(blob);

        Assert.Equal(indicator, header.EnvelopeIndicator);
        Assert.Equal(expectedLength, header.Length);
        Assert.Equal(4490, header.Srid);
        Assert.False(header.IsEmpty);
        if (indicator == 0)
            Assert.Null(header.Envelope);
        else
            Assert.Equal(new BoundingBox(1, 3, 2, 4), header.Envelope);
        Assert.Equal(PointWkb, GeoPackageBinary.WkbSlice(blob, header).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void Big_endian_header_ints_and_doubles_are_decoded(int indicator)
    {
        var blob = Blob(indicator, littleEndian: false, srid: 4547);

        var header = GeoPackageBinary.ReadHeader(blob);

        Assert.False(header.IsLittleEndian);
        Assert.Equal(4547, header.Srid);
        Assert.Equal(indicator == 0 ? null : new BoundingBox(1, 3, 2, 4), header.Envelope);
    }

    [Fact]
    public void Empty_flag_is_reported()
    {
        var header = GeoPackageBinary.ReadHeader(Blob(0, littleEndian: true, empty: true));

        Assert.True(header.IsEmpty);
        Assert.False(GeoPackageBinary.ReadHeader(Blob(0, littleEndian: true)).IsEmpty);
    }

    [Fact]
    public void Bad_magic_extended_type_invalid_indicator_and_truncation_are_rejected()
    {
        var badMagic = Blob(1, littleEndian: true);
        badMagic[1] = (byte)'X';
        var extended = Blob(0, littleEndian: true);
        extended[3] |= 0x20;
        var invalidIndicator = Blob(0, littleEndian: true);
        invalidIndicator[3] |= 5 << 1;

        Assert.Throws<FormatException>(() => GeoPackageBinary.ReadHeader(badMagic));
        Assert.Throws<FormatException>(() => GeoPackageBinary.ReadHeader(extended));
        Assert.Throws<FormatException>(() => GeoPackageBinary.ReadHeader(invalidIndicator));
        Assert.Throws<FormatException>(() => GeoPackageBinary.ReadHeader(Blob(4, littleEndian: true).AsSpan(0, 40)));
        Assert.Throws<FormatException>(() => GeoPackageBinary.ReadHeader(new byte[] { (byte)'G', (byte)'P', 0 }));
    }

    [Fact]
    public void Encoded_geometry_has_little_endian_xy_envelope_and_iso_wkb_that_reads_back_equal()
    {
        var polygon = SampleLayers.RandomPolygon(new Random(5), 30);

        var blob = GeoPackageBinary.Encode(polygon, 4490);
        var header = GeoPackageBinary.ReadHeader(blob);

        Assert.Equal(0, header.Version);
        Assert.True(header.IsLittleEndian);
        Assert.Equal(1, header.EnvelopeIndicator);
        Assert.Equal(4490, header.Srid);
        var e = polygon.EnvelopeInternal;
        Assert.Equal(new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY), header.Envelope);
        var wkb = GeoPackageBinary.WkbSlice(blob, header).ToArray();
        Assert.Equal(1, wkb[0]); // WKB byte order: little endian
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32LittleEndian(wkb.AsSpan(1))); // ISO type code 3 = Polygon
        Assert.True(polygon.EqualsExact(new WKBReader().Read(wkb)));
    }

    [Fact]
    public void Empty_geometry_is_encoded_with_the_empty_flag_and_no_envelope()
    {
        var blob = GeoPackageBinary.Encode(SampleLayers.Factory.CreatePolygon(), 4490);
        var header = GeoPackageBinary.ReadHeader(blob);

        Assert.True(header.IsEmpty);
        Assert.Equal(0, header.EnvelopeIndicator);
        Assert.Null(GeometryBlobEnvelope.Of(blob));
    }

    [Fact]
    public void Envelope_is_computed_from_wkb_when_the_header_has_none()
    {
        var blob = Blob(0, littleEndian: true);

        Assert.Equal(new BoundingBox(3.5, -7.25, 3.5, -7.25), GeometryBlobEnvelope.Of(blob));
    }
}

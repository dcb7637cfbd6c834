namespace TileServer.Sources.PostGis.Tests.Import;

using TileServer.Core.Features;
using TileServer.Sources.PostGis.Import;

public sealed class CopyTupleValidityScanTests
{
    [Fact]
    public void The_scan_reads_fids_and_geometries_from_encoded_tuples_and_lists_the_unproven()
    {
        var schema = SampleLayers.ParcelSchema("scan");
        var writer = new CopyRowWriter(schema);
        using var buffer = new CopyBinaryBuffer(64);
        var square = SampleLayers.Factory.CreateMultiPolygon([SampleLayers.Ring(118.7, 41.0, 0.001, 4)]);
        var bowTie = SampleLayers.Factory.CreateMultiPolygon([SampleLayers.BowTie(118.8, 41.0)]);
        writer.Write(buffer, 7, new WritableFeature(square, ["a", null, 1.0, 2L]));
        writer.Write(buffer, 8, new WritableFeature(bowTie, [null, null, null, null]));
        writer.Write(buffer, 9, new WritableFeature(square, ["平泉", "0101", null, null]));
        writer.Write(buffer, 10, new WritableFeature(SampleLayers.BowTie(118.9, 41.0), ["b", "c", 2.0, 3L]));

        var unproven = CopyTupleValidityScan.Unproven(buffer.Written.Span);

        Assert.Equal([8L, 10L], unproven);
    }
}

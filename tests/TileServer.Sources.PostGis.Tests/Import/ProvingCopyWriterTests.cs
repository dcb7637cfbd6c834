namespace TileServer.Sources.PostGis.Tests.Import;

using TileServer.Core.Features;
using TileServer.Sources.PostGis.Import;

/// <summary>Whether the proof runs after the COPY (rows kept back) or during it (beyond the memory limit), the same
/// rows come out unproven and the stream carries the same bytes.</summary>
public sealed class ProvingCopyWriterTests
{
    [Theory]
    [InlineData(long.MaxValue)] // every buffer kept back and proven afterwards
    [InlineData(0L)] // nothing kept back: every buffer proven in the background during the COPY
    [InlineData(300_000L)] // a few buffers kept back, the rest proven during the COPY
    public async Task Every_row_that_is_not_proven_is_reported_once_however_the_proof_is_scheduled(long retainLimit)
    {
        var schema = SampleLayers.ParcelSchema("proving");
        var rowWriter = new CopyRowWriter(schema);
        var square = SampleLayers.Factory.CreateMultiPolygon([SampleLayers.Ring(118.7, 41.0, 0.001, 24)]);
        var bowTie = SampleLayers.Factory.CreateMultiPolygon([SampleLayers.BowTie(118.8, 41.0)]);
        using var stream = new MemoryStream();
        var expected = new List<long>();

        List<long> unproven;
        using (var writer = new ProvingCopyWriter(stream, 4096, CancellationToken.None, retainLimit))
        {
            for (long fid = 1; fid <= 5_000; fid++)
            {
                var invalid = fid % 97 == 0;
                if (invalid)
                    expected.Add(fid);
                rowWriter.Write(writer.Buffer, fid, new WritableFeature(invalid ? bowTie : square, ["x", "0101", 1.5, fid]));
                if (writer.Buffer.Length >= 4096)
                    await writer.FlushAsync();
            }

            var proof = await writer.FinishAsync();
            unproven = await proof.RunAsync(CancellationToken.None);
        }

        Assert.Equal(expected, unproven.Order());
        var sent = stream.ToArray();
        Assert.Equal([0x50, 0x47, 0x43, 0x4F, 0x50, 0x59], sent[..6]); // "PGCOPY", the header
        Assert.Equal([0xFF, 0xFF], sent[^2..]); // the trailer
        // Between them every tuple, once and in order: scanning the sent bytes finds the same rows unproven.
        Assert.Equal(expected, CopyTupleValidityScan.Unproven(sent.AsSpan(19, sent.Length - 21)));
    }
}

namespace TileServer.Sources.PostGis.Import;

/// <summary>
/// Sends binary COPY data in whole buffers and arranges the validity proof of the sent rows
/// (<see cref="CopyTupleValidityScan"/>). The COPY keeps a core busy on each side (the importer reading and encoding,
/// the server parsing), so the proof is kept off it: the first <see cref="RetainLimitBytes"/> of tuples are copied
/// aside and proven after the COPY, beside the server's single-threaded index builds
/// (<see cref="DeferredValidityProof"/>); beyond that, each buffer is proven in the background while the next is
/// encoded. Done inline, the proof lengthened the COPY by its whole cost (docs/benchmarks.md "Import into PostGIS").
/// </summary>
internal sealed class ProvingCopyWriter : IDisposable
{
    private readonly Stream copy;
    private readonly CancellationToken cancellationToken;
    private readonly CopyBinaryBuffer[] buffers;
    private readonly Task<List<long>>?[] proofs = new Task<List<long>>?[2];
    /// <summary>How much tuple data is kept back for the deferred proof: a layer of a few hundred thousand parcels.</summary>
    public const int RetainLimitBytes = 256 * 1024 * 1024;

    private readonly long retainLimitBytes;
    private readonly List<long> unproven = [];
    private readonly List<byte[]> retained = [];
    private long retainedBytes;
    private int current;
    private int tuplesStart;

    public ProvingCopyWriter(Stream copy, int bufferBytes, CancellationToken cancellationToken, long retainLimitBytes = RetainLimitBytes)
    {
        this.copy = copy;
        this.retainLimitBytes = retainLimitBytes;
        this.cancellationToken = cancellationToken;
        buffers = [new CopyBinaryBuffer(bufferBytes), new CopyBinaryBuffer(bufferBytes)];
        Buffer.WriteHeader();
        tuplesStart = Buffer.Length;
    }

    /// <summary>The buffer rows are encoded into now.</summary>
    public CopyBinaryBuffer Buffer => buffers[current];

    /// <summary>Sends the current buffer, starts proving its rows, and switches to the other buffer once that
    /// one's proof has finished.</summary>
    public async Task FlushAsync()
    {
        var sent = buffers[current];
        var start = tuplesStart;
        await copy.WriteAsync(sent.Written, cancellationToken);
        if (!TryRetain(sent.Written.Span[start..]))
            proofs[current] = Task.Run(() => CopyTupleValidityScan.Unproven(sent.Written.Span[start..]), cancellationToken);
        current ^= 1;
        await CollectAsync(current);
        Buffer.Clear();
        tuplesStart = 0;
    }

    /// <summary>Sends the last rows with the trailer; returns the proof still to run over the rows kept back.</summary>
    public async Task<DeferredValidityProof> FinishAsync()
    {
        var last = Buffer;
        if (!TryRetain(last.Written.Span[tuplesStart..]))
            unproven.AddRange(CopyTupleValidityScan.Unproven(last.Written.Span[tuplesStart..]));
        last.WriteTrailer();
        await copy.WriteAsync(last.Written, cancellationToken);
        await CollectAsync(current ^ 1);
        return new DeferredValidityProof(unproven, retained);
    }

    public void Dispose()
    {
        // A proof may still be reading a buffer (after a failure): the buffers go back to the pool only after it.
        foreach (var proof in proofs)
        {
            try
            {
                proof?.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Its result is not wanted any more; the import has already failed.
            }
        }

        foreach (var buffer in buffers)
            buffer.Dispose();
    }

    private bool TryRetain(ReadOnlySpan<byte> tuples)
    {
        if (retainedBytes + tuples.Length > retainLimitBytes)
            return false;
        var copy = GC.AllocateUninitializedArray<byte>(tuples.Length);
        tuples.CopyTo(copy);
        retained.Add(copy);
        retainedBytes += tuples.Length;
        return true;
    }

    private async Task CollectAsync(int index)
    {
        if (proofs[index] is not { } pending)
            return;
        unproven.AddRange(await pending);
        proofs[index] = null;
    }
}

namespace TileServer.Sources.PostGis.Import;

/// <summary>
/// Sends binary COPY data in whole buffers and proves the sent rows' geometries valid in the background
/// (<see cref="CopyTupleValidityScan"/>): while one buffer is being proven, rows are encoded into the other. The
/// COPY itself keeps a core busy on each side (the importer encoding, the server parsing) with a little idle time
/// between them, which is where the proof runs; done inline it lengthened the COPY by its whole cost (measured,
/// docs/benchmarks.md "Import into PostGIS").
/// </summary>
internal sealed class ProvingCopyWriter : IDisposable
{
    private readonly Stream copy;
    private readonly CancellationToken cancellationToken;
    private readonly CopyBinaryBuffer[] buffers;
    private readonly Task<List<long>>?[] proofs = new Task<List<long>>?[2];
    private readonly List<long> unproven = [];
    private int current;
    private int tuplesStart;

    public ProvingCopyWriter(Stream copy, int bufferBytes, CancellationToken cancellationToken)
    {
        this.copy = copy;
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
        proofs[current] = Task.Run(() => CopyTupleValidityScan.Unproven(sent.Written.Span[start..]), cancellationToken);
        current ^= 1;
        await CollectAsync(current);
        Buffer.Clear();
        tuplesStart = 0;
    }

    /// <summary>Proves and sends the last rows with the trailer; returns the fids of every row not proven valid.</summary>
    public async Task<List<long>> FinishAsync()
    {
        var last = Buffer;
        var lastUnproven = CopyTupleValidityScan.Unproven(last.Written.Span[tuplesStart..]);
        last.WriteTrailer();
        await copy.WriteAsync(last.Written, cancellationToken);
        await CollectAsync(current ^ 1);
        unproven.AddRange(lastUnproven);
        return unproven;
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

    private async Task CollectAsync(int index)
    {
        if (proofs[index] is not { } pending)
            return;
        unproven.AddRange(await pending);
        proofs[index] = null;
    }
}

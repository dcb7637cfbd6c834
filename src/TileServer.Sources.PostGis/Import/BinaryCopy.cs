namespace TileServer.Sources.PostGis.Import;

using System.Runtime.CompilerServices;
using Npgsql;
using TileServer.Core.Features;

/// <summary>Streams rows into a staging table with one binary COPY (<see cref="CopyBinaryBuffer"/> tuples sent in
/// whole buffers through Npgsql's raw binary COPY), from decoded features or straight from a stored-row reader. The
/// proof of the rows' validity is arranged by <see cref="ProvingCopyWriter"/> and handed back to run after the COPY.</summary>
internal static class BinaryCopy
{
    /// <summary>Rows are encoded into a buffer of Npgsql's write-buffer size, so one write fills one CopyData message.</summary>
    public const int BufferBytes = 128 * 1024;

    private const int ProgressEveryRows = 16_384;

    public static Task<CopyResult> FeaturesAsync(NpgsqlConnection connection, string copySql, FeatureLayerSchema schema, IAsyncEnumerable<WritableFeature> features, long firstFid, Action<long> reportRows, CancellationToken cancellationToken) =>
        RunAsync(connection, copySql, async writer =>
        {
            var rowWriter = new CopyRowWriter(schema);
            long rows = 0;
            await foreach (var feature in features.WithCancellation(cancellationToken))
            {
                rowWriter.Write(writer.Buffer, firstFid + rows, feature);
                if (writer.Buffer.Length >= BufferBytes)
                    await writer.FlushAsync();
                if (++rows % ProgressEveryRows == 0)
                    reportRows(rows);
            }

            return rows;
        }, cancellationToken);

    public static Task<CopyResult> RowsAsync(NpgsqlConnection connection, string copySql, FeatureLayerSchema schema, IStoredFeatureRowReader reader, long firstFid, Action<long> reportRows, CancellationToken cancellationToken) =>
        RunAsync(connection, copySql, async writer =>
        {
            var rowWriter = new CopyRowWriter(schema);
            long rows = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var more = Fill(rowWriter, writer.Buffer, reader, firstFid + rows, out var added);
                if (rows / ProgressEveryRows != (rows + added) / ProgressEveryRows)
                    reportRows(rows + added);
                rows += added;
                if (!more)
                    return rows;
                await writer.FlushAsync();
            }
        }, cancellationToken);

    /// <summary>Encodes rows until the buffer holds a message's worth; false when the reader ran out. Synchronous
    /// and compiled fully optimised at once: the whole COPY is this loop (a few hundred thousand rows a second).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Fill(CopyRowWriter writer, CopyBinaryBuffer buffer, IStoredFeatureRowReader reader, long nextFid, out int added)
    {
        added = 0;
        while (buffer.Length < BufferBytes)
        {
            if (!reader.Read())
                return false;
            writer.Write(buffer, nextFid + added, reader);
            added++;
        }

        return true;
    }

    private static async Task<CopyResult> RunAsync(NpgsqlConnection connection, string copySql, Func<ProvingCopyWriter, Task<long>> body, CancellationToken cancellationToken)
    {
        var copy = await connection.BeginRawBinaryCopyAsync(copySql, cancellationToken);
        long rows;
        DeferredValidityProof proof;
        using (var writer = new ProvingCopyWriter(copy, BufferBytes + BufferBytes / 4, cancellationToken))
        {
            try
            {
                rows = await body(writer);
                proof = await writer.FinishAsync();
            }
            catch
            {
                // Disposing a raw COPY stream ends the COPY as complete; a failed read or a cancellation must abort it
                // instead, and the transaction then rolls everything back. When the connection itself broke, aborting
                // fails too: the original error is the one to report.
                try
                {
                    await copy.CancelAsync();
                    await copy.DisposeAsync();
                }
                catch (Exception abort) when (abort is NpgsqlException or IOException or ObjectDisposedException or InvalidOperationException)
                {
                }

                throw;
            }
        }

        await copy.DisposeAsync();
        return new CopyResult(rows, proof);
    }
}

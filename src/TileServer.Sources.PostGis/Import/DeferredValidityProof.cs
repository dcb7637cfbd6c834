namespace TileServer.Sources.PostGis.Import;

/// <summary>The validity proof of COPY buffers kept back during the COPY (<see cref="ProvingCopyWriter"/>), run
/// later beside the server's index builds, when the importer's core would otherwise idle.</summary>
internal sealed class DeferredValidityProof(List<long> alreadyUnproven, List<byte[]> retainedTuples)
{
    /// <summary>The fids of every row not proven valid: those found during the COPY and those of the kept buffers.</summary>
    public Task<List<long>> RunAsync(CancellationToken cancellationToken) =>
        retainedTuples.Count == 0
            ? Task.FromResult(alreadyUnproven)
            : Task.Run(() =>
            {
                var unproven = new List<long>(alreadyUnproven);
                foreach (var tuples in retainedTuples)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    unproven.AddRange(CopyTupleValidityScan.Unproven(tuples));
                }

                retainedTuples.Clear();
                return unproven;
            }, cancellationToken);
}

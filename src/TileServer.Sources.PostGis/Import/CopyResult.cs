namespace TileServer.Sources.PostGis.Import;

/// <summary>What a COPY loaded: the row count, and the validity proof still to run over its rows.</summary>
internal sealed record CopyResult(long Rows, DeferredValidityProof Proof);

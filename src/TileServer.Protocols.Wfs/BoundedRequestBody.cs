namespace TileServer.Protocols.Wfs;

/// <summary>
/// A request body read through a byte budget. The Content-Length check refuses a declared oversized body before
/// reading, but a chunked body declares no length: without this, the XML reader would take whatever the server's own
/// limit allows (30 MB in Kestrel) into memory before the request could be refused.
/// </summary>
internal sealed class BoundedRequestBody(Stream inner, long maxBytes) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int bytes)
    {
        read += bytes;
        if (read > maxBytes)
            throw new WfsException(WfsException.OperationParsingFailed, null, $"the request body exceeds {maxBytes / (1024 * 1024)} MiB");
        return bytes;
    }
}

namespace TileServer.Caching.Redis.Connection;

/// <summary>The bytes received but not yet parsed. It grows to hold one large reply (a 1 MB tile) and
/// shrinks back once that reply is consumed, so one big value does not pin memory for the connection's life.</summary>
internal sealed class ReceiveBuffer
{
    private const int InitialSize = 16 * 1024;
    private const int MinimumFree = 4 * 1024;

    private byte[] buffer = new byte[InitialSize];
    private int start;
    private int end;

    public ReadOnlySpan<byte> Unread => buffer.AsSpan(start, end - start);

    /// <summary>Free space to receive into, after compacting or growing as needed.</summary>
    public Memory<byte> GetFreeSpace()
    {
        if (start == end)
        {
            start = end = 0;
            if (buffer.Length > InitialSize * 4)
            {
                buffer = new byte[InitialSize];
            }
        }

        if (buffer.Length - end < MinimumFree)
        {
            int unread = end - start;
            if (unread + MinimumFree > buffer.Length / 2)
            {
                // Mostly full with one unfinished reply: double, so a large reply costs O(log n) copies.
                var larger = new byte[Math.Max(buffer.Length * 2, unread + MinimumFree)];
                buffer.AsSpan(start, unread).CopyTo(larger);
                buffer = larger;
            }
            else
            {
                buffer.AsSpan(start, unread).CopyTo(buffer);
            }

            start = 0;
            end = unread;
        }

        return buffer.AsMemory(end);
    }

    public void Advance(int received) => end += received;

    public void Consume(int parsed) => start += parsed;
}

namespace TileServer.Sources.GeoPackage.Reading;

/// <summary>
/// Idle <see cref="Utf8TextInterner"/>s of one source, so a tile's scan reuses a table (and its strings) that an
/// earlier scan filled instead of allocating one: steady-state rendering then allocates no string per row and no
/// table per query. A few slots suffice, one per scan running at the same moment; when all are taken a scan
/// gets a fresh interner, which the pool keeps if a slot is free when the scan ends.
/// </summary>
internal sealed class Utf8TextInternerPool
{
    private readonly Utf8TextInterner?[] idle = new Utf8TextInterner?[Math.Max(2, Environment.ProcessorCount)];

    public Utf8TextInterner Rent()
    {
        for (var i = 0; i < idle.Length; i++)
        {
            if (Interlocked.Exchange(ref idle[i], null) is { } interner)
                return interner;
        }

        return new Utf8TextInterner();
    }

    public void Return(Utf8TextInterner interner)
    {
        for (var i = 0; i < idle.Length; i++)
        {
            if (Interlocked.CompareExchange(ref idle[i], interner, null) is null)
                return;
        }
    }
}

namespace TileServer.Services.Raster;

using TileServer.Styling;

/// <summary>
/// Rows of one layer gathered before they are drawn: each row's WKB copied into one buffer with its resolved
/// symbol. Reading the source's rows in one run and then drawing them keeps each side's working set in the CPU
/// caches (SQLite's b-tree and page-cache structures, the rasterizer's cells) instead of alternating between
/// them row by row: 2–5 % of a dense tile, more the larger the batch (docs/benchmarks.md "Raster tiles against
/// Mapnik"). The buffer grows to the largest layer drawn, at most <see cref="MaxBytes"/>, and is reused;
/// larger layers are drawn in several runs. Valid for one layer of one tile; nothing is kept across renders.
/// </summary>
internal sealed class FeatureBatch
{
    /// <summary>At most this much WKB is held (a dense z12 landuse tile has 3.7 MB).</summary>
    public const int MaxBytes = 8 << 20;

    private byte[] bytes = new byte[64 << 10];
    private int used;
    private (int Offset, int Length, ResolvedSymbol Symbol)[] entries = new (int, int, ResolvedSymbol)[256];

    public int Count { get; private set; }

    /// <summary>Whether a row of this size still fits (an empty batch takes any row, growing if need be).</summary>
    public bool Fits(int length) => Count == 0 || used + length <= MaxBytes;

    public void Add(ReadOnlySpan<byte> wkb, ResolvedSymbol symbol)
    {
        if (used + wkb.Length > bytes.Length)
        {
            Array.Resize(ref bytes, Math.Max(Math.Min(bytes.Length * 2, MaxBytes), used + wkb.Length));
        }

        if (Count == entries.Length)
        {
            Array.Resize(ref entries, Count * 2);
        }

        wkb.CopyTo(bytes.AsSpan(used));
        entries[Count++] = (used, wkb.Length, symbol);
        used += wkb.Length;
    }

    public ReadOnlySpan<byte> Wkb(int index) => bytes.AsSpan(entries[index].Offset, entries[index].Length);

    public ResolvedSymbol Symbol(int index) => entries[index].Symbol;

    /// <summary>Empties the batch; the symbols are released so a later style change frees them.</summary>
    public void Clear()
    {
        Array.Clear(entries, 0, Count);
        Count = 0;
        used = 0;
    }
}

namespace TileServer.Sources.GeoPackage.Reading;

using System.Text;

/// <summary>
/// Hands out one string per distinct UTF-8 text, so rows repeating a value (a land-use code: a dense z12 tile
/// reads 5,580 rows with about a hundred distinct codes) cost a hash and a compare instead of a decoded,
/// freshly allocated string each. Strings are immutable, so sharing them changes nothing a caller can see.
/// The table keeps at most <see cref="Capacity"/> values and starts over when full, so a column of unique
/// identifiers costs a bounded table. Not thread-safe: one scan uses it at a time
/// (<see cref="Utf8TextInternerPool"/>), and it keeps its strings from scan to scan.
/// </summary>
internal sealed class Utf8TextInterner
{
    public const int Capacity = 256;

    // Open addressing with linear probing at most half full: a miss ends at an empty slot within a few probes.
    private const int SlotCount = Capacity * 2;

    private readonly byte[]?[] keys = new byte[]?[SlotCount];
    private readonly string?[] values = new string?[SlotCount];
    private readonly int[] hashes = new int[SlotCount];
    private int count;

    public string Get(ReadOnlySpan<byte> utf8)
    {
        var hash = Hash(utf8);
        var slot = hash & (SlotCount - 1);
        while (keys[slot] is { } key)
        {
            if (hashes[slot] == hash && utf8.SequenceEqual(key))
                return values[slot]!;
            slot = (slot + 1) & (SlotCount - 1);
        }

        if (count == Capacity)
        {
            Array.Clear(keys);
            Array.Clear(values);
            count = 0;
            slot = hash & (SlotCount - 1);
        }

        var text = Encoding.UTF8.GetString(utf8);
        keys[slot] = utf8.ToArray();
        values[slot] = text;
        hashes[slot] = hash;
        count++;
        return text;
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode();
    }
}

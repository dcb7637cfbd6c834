namespace TileServer.Rendering.Png;

/// <summary>
/// Open-addressing hash table of the distinct straight RGBA colours of a tile (packed R | G≪8 | B≪16 | A≪24)
/// with their pixel counts and an assigned palette index. Reused across tiles; clearing touches only used slots.
/// </summary>
internal sealed class ColorHistogram
{
    private uint[] _keys = new uint[1024];
    private int[] _counts = new int[1024];
    private int[] _paletteIndices = new int[1024];
    private int[] _usedSlots = new int[512];
    private int _mask = 1023;

    /// <summary>Number of distinct colours added since <see cref="Reset"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Empties the table and makes room for up to <paramref name="maxDistinct"/> colours at load ≤ 1/2.</summary>
    public void Reset(int maxDistinct)
    {
        for (var i = 0; i < Count; i++)
        {
            _counts[_usedSlots[i]] = 0;
        }

        Count = 0;
        var capacity = (int)Math.Max(1024, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)maxDistinct * 2));
        if (capacity > _keys.Length)
        {
            _keys = new uint[capacity];
            _counts = new int[capacity];
            _paletteIndices = new int[capacity];
            _usedSlots = new int[capacity / 2];
            _mask = capacity - 1;
        }
    }

    /// <summary>Counts <paramref name="pixels"/> pixels of <paramref name="colour"/>.</summary>
    public void Add(uint colour, int pixels = 1)
    {
        var slot = Probe(colour);
        if (_counts[slot] == 0)
        {
            _keys[slot] = colour;
            _usedSlots[Count++] = slot;
        }

        _counts[slot] += pixels;
    }

    /// <summary>Palette index previously assigned to a colour that was added.</summary>
    public int PaletteIndexOf(uint colour) => _paletteIndices[Probe(colour)];

    /// <summary>The n-th distinct colour in insertion order.</summary>
    public uint ColourAt(int n) => _keys[_usedSlots[n]];

    /// <summary>Pixel count of the n-th distinct colour.</summary>
    public int CountAt(int n) => _counts[_usedSlots[n]];

    /// <summary>Assigns the palette index of the n-th distinct colour.</summary>
    public void SetPaletteIndexAt(int n, int paletteIndex) => _paletteIndices[_usedSlots[n]] = paletteIndex;

    /// <summary>Palette index of the n-th distinct colour.</summary>
    public int PaletteIndexAt(int n) => _paletteIndices[_usedSlots[n]];

    private int Probe(uint colour)
    {
        // Fibonacci hashing spreads the structured RGBA bit patterns over the table.
        var slot = (int)((colour * 2654435769u) >> 7) & _mask;
        while (_counts[slot] != 0 && _keys[slot] != colour)
        {
            slot = (slot + 1) & _mask;
        }

        return slot;
    }
}

namespace TileServer.Rendering.Png;

/// <summary>
/// The distinct straight RGBA colours of a tile (packed R | G≪8 | B≪16 | A≪24) with their pixel counts and an
/// assigned palette index. Colours, counts and indices are dense arrays in insertion order, so the quantizer's
/// passes over them read memory in sequence; an open-addressing table of dense positions finds a colour.
/// Reused across tiles; clearing touches only used slots.
/// </summary>
internal sealed class ColorHistogram
{
    private int[] _slots = new int[1024]; // Dense position + 1; 0 = free.
    private int[] _usedSlots = new int[512];
    private uint[] _colours = new uint[512];
    private int[] _counts = new int[512];
    private int[] _paletteIndices = new int[512];
    private int _mask = 1023;

    /// <summary>Number of distinct colours added since <see cref="Reset"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Empties the table and makes room for up to <paramref name="maxDistinct"/> colours at load ≤ 1/2.</summary>
    public void Reset(int maxDistinct)
    {
        for (var i = 0; i < Count; i++)
        {
            _slots[_usedSlots[i]] = 0;
        }

        Count = 0;
        var capacity = (int)Math.Max(1024, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)maxDistinct * 2));
        if (capacity > _slots.Length)
        {
            _slots = new int[capacity];
            _usedSlots = new int[capacity / 2];
            _colours = new uint[capacity / 2];
            _counts = new int[capacity / 2];
            _paletteIndices = new int[capacity / 2];
            _mask = capacity - 1;
        }
    }

    /// <summary>Counts <paramref name="pixels"/> pixels of <paramref name="colour"/>.</summary>
    public void Add(uint colour, int pixels = 1)
    {
        var slot = Probe(colour);
        var position = _slots[slot] - 1;
        if (position < 0)
        {
            position = Count++;
            _slots[slot] = position + 1;
            _usedSlots[position] = slot;
            _colours[position] = colour;
            _counts[position] = 0;
        }

        _counts[position] += pixels;
    }

    /// <summary>Palette index previously assigned to a colour that was added.</summary>
    public int PaletteIndexOf(uint colour) => _paletteIndices[_slots[Probe(colour)] - 1];

    /// <summary>The n-th distinct colour in insertion order.</summary>
    public uint ColourAt(int n) => _colours[n];

    /// <summary>Pixel count of the n-th distinct colour.</summary>
    public int CountAt(int n) => _counts[n];

    /// <summary>Assigns the palette index of the n-th distinct colour.</summary>
    public void SetPaletteIndexAt(int n, int paletteIndex) => _paletteIndices[n] = paletteIndex;

    /// <summary>Palette index of the n-th distinct colour.</summary>
    public int PaletteIndexAt(int n) => _paletteIndices[n];

    private int Probe(uint colour)
    {
        // Fibonacci hashing spreads the structured RGBA bit patterns over the table.
        var slot = (int)((colour * 2654435769u) >> 7) & _mask;
        while (_slots[slot] != 0 && _colours[_slots[slot] - 1] != colour)
        {
            slot = (slot + 1) & _mask;
        }

        return slot;
    }
}

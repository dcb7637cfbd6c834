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

    /// <summary>
    /// Empties the table. Its capacity stays from tile to tile and doubles when half full: a dense tile has a few
    /// thousand colours, and a table sized for every pixel (512 KB of slots for 256 × 256) would spread the probes
    /// over more memory than the caches hold.
    /// </summary>
    public void Reset()
    {
        for (var i = 0; i < Count; i++)
        {
            _slots[_usedSlots[i]] = 0;
        }

        Count = 0;
    }

    /// <summary>Counts <paramref name="pixels"/> pixels of <paramref name="colour"/>; returns its dense position.</summary>
    public int Add(uint colour, int pixels)
    {
        var slot = Probe(colour);
        var position = _slots[slot] - 1;
        if (position < 0)
        {
            if ((Count + 1) * 2 > _slots.Length)
            {
                Grow();
                slot = Probe(colour);
            }

            position = Count++;
            _slots[slot] = position + 1;
            _usedSlots[position] = slot;
            _colours[position] = colour;
            _counts[position] = 0;
        }

        _counts[position] += pixels;
        return position;
    }

    /// <summary>Counts <paramref name="pixels"/> more pixels of the colour at dense position <paramref name="position"/>.</summary>
    public void AddAt(int position, int pixels) => _counts[position] += pixels;

    /// <summary>Doubles the table and re-enters the dense positions (their order, and so the palette, is unchanged).</summary>
    private void Grow()
    {
        var capacity = _slots.Length * 2;
        _slots = new int[capacity];
        _mask = capacity - 1;
        Array.Resize(ref _usedSlots, capacity / 2);
        Array.Resize(ref _colours, capacity / 2);
        Array.Resize(ref _counts, capacity / 2);
        Array.Resize(ref _paletteIndices, capacity / 2);
        for (var position = 0; position < Count; position++)
        {
            var slot = Probe(_colours[position]);
            _slots[slot] = position + 1;
            _usedSlots[position] = slot;
        }
    }

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

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TileServer.Rendering;

/// <summary>
/// One bit per pixel, set where the rasterizer deposited edge area. The sweep jumps from flagged pixel to
/// flagged pixel, because between two of them every cell of a sub-row holds the same winding.
/// </summary>
internal sealed class TouchedPixels
{
    private readonly ulong[] _bits;
    private readonly int _wordsPerRow;

    /// <param name="columns">Pixel columns that can be flagged, including any spare column past the canvas.</param>
    public TouchedPixels(int columns, int rows)
    {
        _wordsPerRow = (columns + 63) / 64;
        _bits = new ulong[_wordsPerRow * rows];
    }

    /// <summary>Flags columns [first, last] of a row.</summary>
    /// <remarks>Inlined into the rasterizer's edge loops, without a call even for ranges over several words: a
    /// call there made the JIT spill and reload the edge's floating-point state around it. Indices are in range
    /// by the caller's construction (columns within the flaggable width, rows within the canvas).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void FlagRange(int row, int first, int last)
    {
        ref var words = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bits), row * _wordsPerRow);
        var firstWord = first >> 6;
        var lastWord = last >> 6;
        var lowMask = ulong.MaxValue << (first & 63);
        var highMask = ulong.MaxValue >> (63 - (last & 63));
        if (firstWord == lastWord)
        {
            Unsafe.Add(ref words, firstWord) |= lowMask & highMask;
            return;
        }

        Unsafe.Add(ref words, firstWord) |= lowMask;
        for (var word = firstWord + 1; word < lastWord; word++)
        {
            Unsafe.Add(ref words, word) = ulong.MaxValue;
        }

        Unsafe.Add(ref words, lastWord) |= highMask;
    }

    /// <summary>Flags two columns of a row (possibly the same one).</summary>
    /// <remarks>Inlined, without a branch: a strip's piece of a steep edge reaches at most two pixels.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void FlagPair(int row, int first, int second)
    {
        ref var words = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bits), row * _wordsPerRow);
        Unsafe.Add(ref words, first >> 6) |= 1UL << first; // C# masks the shift count to its low six bits.
        Unsafe.Add(ref words, second >> 6) |= 1UL << second;
    }

    /// <summary>First flagged column of <paramref name="row"/> at or after <paramref name="from"/>, or int.MaxValue.</summary>
    public int Next(int row, int from)
    {
        var words = _bits.AsSpan(row * _wordsPerRow, _wordsPerRow);
        var word = from >> 6;
        if (word >= words.Length)
        {
            return int.MaxValue;
        }

        var bits = words[word] & (ulong.MaxValue << (from & 63));
        while (bits == 0)
        {
            if (++word == words.Length)
            {
                return int.MaxValue;
            }

            bits = words[word];
        }

        return (word << 6) + BitOperations.TrailingZeroCount(bits);
    }

    /// <summary>Clears rows [first, last].</summary>
    public void ClearRows(int first, int last) =>
        _bits.AsSpan(first * _wordsPerRow, (last - first + 1) * _wordsPerRow).Clear();
}

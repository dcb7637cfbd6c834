namespace TileServer.Rendering.Png;

/// <summary>PNG filter method 0 (ISO/IEC 15948 §9.2): five per-row filter types over bytes.</summary>
internal static class ScanlineFilter
{
    public const int TypeCount = 5;

    /// <summary>Writes <paramref name="current"/> filtered with <paramref name="type"/> into <paramref name="output"/>.</summary>
    public static void Apply(int type, ReadOnlySpan<byte> current, ReadOnlySpan<byte> previous, int bytesPerPixel, Span<byte> output)
    {
        var length = current.Length;
        switch (type)
        {
            case 0:
                current.CopyTo(output);
                break;
            case 1: // Sub: x − a
                current[..bytesPerPixel].CopyTo(output);
                for (var i = bytesPerPixel; i < length; i++)
                {
                    output[i] = (byte)(current[i] - current[i - bytesPerPixel]);
                }

                break;
            case 2: // Up: x − b
                for (var i = 0; i < length; i++)
                {
                    output[i] = (byte)(current[i] - previous[i]);
                }

                break;
            case 3: // Average: x − floor((a + b) / 2)
                for (var i = 0; i < length; i++)
                {
                    var left = i >= bytesPerPixel ? current[i - bytesPerPixel] : 0;
                    output[i] = (byte)(current[i] - ((left + previous[i]) >> 1));
                }

                break;
            default: // Paeth: x − PaethPredictor(a, b, c)
                for (var i = 0; i < length; i++)
                {
                    var left = i >= bytesPerPixel ? current[i - bytesPerPixel] : 0;
                    var upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                    output[i] = (byte)(current[i] - Paeth(left, previous[i], upLeft));
                }

                break;
        }
    }

    /// <summary>Sum of the filtered bytes read as signed values — the §12.8 selection heuristic.</summary>
    public static long SumOfAbsoluteDifferences(ReadOnlySpan<byte> filtered)
    {
        long sum = 0;
        foreach (var b in filtered)
        {
            sum += b < 128 ? b : 256 - b; // |(sbyte)b| without the −128 overflow
        }

        return sum;
    }

    /// <summary>Paeth predictor exactly as specified in §9.4, including its tie-break order a, b, c.</summary>
    internal static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc)
        {
            return a;
        }

        return pb <= pc ? b : c;
    }
}

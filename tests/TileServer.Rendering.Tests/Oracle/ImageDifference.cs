namespace TileServer.Rendering.Tests.Oracle;

/// <summary>Per-channel absolute difference statistics between two RGBA buffers.</summary>
internal readonly record struct ImageDifference(double Mean, int Max, int MaxIndex)
{
    public static ImageDifference Measure(ReadOnlySpan<byte> actual, ReadOnlySpan<byte> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        long sum = 0;
        var max = 0;
        var maxIndex = -1;
        for (var i = 0; i < actual.Length; i++)
        {
            var d = Math.Abs(actual[i] - expected[i]);
            sum += d;
            if (d > max)
            {
                max = d;
                maxIndex = i;
            }
        }

        return new ImageDifference((double)sum / actual.Length, max, maxIndex);
    }

    public override string ToString() => $"mean {Mean:F3}, max {Max} (at byte {MaxIndex})";
}

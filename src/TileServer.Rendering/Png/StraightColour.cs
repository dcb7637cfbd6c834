namespace TileServer.Rendering.Png;

/// <summary>PNG stores straight alpha (ISO/IEC 15948 §4.3); the canvas holds premultiplied pixels.</summary>
internal static class StraightColour
{
    /// <summary>Straight RGBA packed R | G≪8 | B≪16 | A≪24 (premultiplied → straight with rounding).</summary>
    public static uint Of(ReadOnlySpan<byte> p)
    {
        int a = p[3];
        if (a == 0)
        {
            return 0;
        }

        if (a == 255)
        {
            return p[0] | ((uint)p[1] << 8) | ((uint)p[2] << 16) | 0xFF000000u;
        }

        uint Channel(int v) => (uint)Math.Min(255, ((v * 255) + (a / 2)) / a);
        return Channel(p[0]) | (Channel(p[1]) << 8) | (Channel(p[2]) << 16) | ((uint)a << 24);
    }
}

namespace TileServer.Rendering.Png;

/// <summary>PNG stores straight alpha (ISO/IEC 15948 §4.3); the canvas holds premultiplied pixels.</summary>
internal static class StraightColour
{
    /// <summary>Straight RGBA packed R | G≪8 | B≪16 | A≪24 (premultiplied → straight with rounding).</summary>
    public static uint Of(ReadOnlySpan<byte> p) => Of(System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(p));

    /// <summary>As <see cref="Of(ReadOnlySpan{byte})"/>, from the pixel's four bytes read little-endian (R lowest).</summary>
    public static uint Of(uint pixel)
    {
        var a = (int)(pixel >> 24);
        if (a == 0)
        {
            return 0;
        }

        if (a == 255)
        {
            return pixel;
        }

        uint Channel(int v) => (uint)Math.Min(255, ((v * 255) + (a / 2)) / a);
        return Channel((int)(pixel & 0xFF)) | (Channel((int)((pixel >> 8) & 0xFF)) << 8) | (Channel((int)((pixel >> 16) & 0xFF)) << 16) | ((uint)a << 24);
    }
}

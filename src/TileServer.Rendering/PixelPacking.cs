using System.Runtime.InteropServices;

namespace TileServer.Rendering;

/// <summary>Packs RGBA bytes in memory order (R at the lowest address) into a uint, independent of endianness.</summary>
internal static class PixelPacking
{
    public static uint Pack(byte r, byte g, byte b, byte a)
    {
        ReadOnlySpan<byte> bytes = [r, g, b, a];
        return MemoryMarshal.Read<uint>(bytes);
    }
}

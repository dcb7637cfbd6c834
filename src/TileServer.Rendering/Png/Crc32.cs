namespace TileServer.Rendering.Png;

/// <summary>
/// CRC-32 as required for PNG chunks (ISO/IEC 15948 §5.5, Annex D): reflected polynomial 0xEDB88320,
/// initial value and final XOR 0xFFFFFFFF — the IEEE 802.3 CRC that System.IO.Hashing computes with
/// vector instructions where the processor has them.
/// </summary>
internal static class Crc32
{
    /// <summary>CRC of a whole buffer.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);
}

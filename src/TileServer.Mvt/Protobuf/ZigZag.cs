namespace TileServer.Mvt.Protobuf;

/// <summary>
/// ZigZag mapping of signed to unsigned integers so small magnitudes stay small varints
/// (protobuf encoding guide "Signed Integers"; MVT 2.1 §4.3.2 uses the 32-bit form for parameter integers).
/// </summary>
internal static class ZigZag
{
    public static uint Encode(int value) => (uint)((value << 1) ^ (value >> 31));

    public static int Decode(uint value) => (int)(value >> 1) ^ -(int)(value & 1);

    public static ulong Encode(long value) => (ulong)((value << 1) ^ (value >> 63));

    public static long Decode(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}

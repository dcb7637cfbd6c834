using System.Runtime.InteropServices;
using TileServer.Mvt.Protobuf;

namespace TileServer.Mvt.Geometry;

/// <summary>
/// Emits MVT geometry command integers (MVT 2.1 §4.3.1–4.3.3): CommandInteger = (id &amp; 0x7) | (count &lt;&lt; 3),
/// followed by zigzag-encoded deltas relative to a cursor that starts at (0,0) for every feature (§4.3.1).
/// Callers guarantee non-empty commands and distinct consecutive points, so no zero-length command and no
/// zero-delta LineTo is ever written.
/// </summary>
internal sealed class CommandWriter
{
    public const uint MoveTo = 1;
    public const uint LineTo = 2;
    public const uint ClosePath = 7;

    /// <summary>The command count is a 29-bit unsigned integer (MVT 2.1 §4.3.1).</summary>
    private const int MaxCommandCount = (1 << 29) - 1;

    private readonly List<uint> _commands = new(256);
    private int _cursorX;
    private int _cursorY;

    public ReadOnlySpan<uint> Commands => CollectionsMarshal.AsSpan(_commands);

    public int Count => _commands.Count;

    public void Reset()
    {
        _commands.Clear();
        _cursorX = 0;
        _cursorY = 0;
    }

    public static uint CommandInteger(uint id, int count)
    {
        if (count <= 0 || count > MaxCommandCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "MVT command counts must be in 1..2^29-1.");
        }

        return (id & 0x7) | ((uint)count << 3);
    }

    /// <summary>Reserves a slot for a command whose count is only known after its parameters are written.</summary>
    public int ReserveCommand()
    {
        _commands.Add(0);
        return _commands.Count - 1;
    }

    public void SetCommand(int slot, uint id, int count) => _commands[slot] = CommandInteger(id, count);

    public void AddPoint(int x, int y)
    {
        _commands.Add(ZigZag.Encode(x - _cursorX));
        _commands.Add(ZigZag.Encode(y - _cursorY));
        _cursorX = x;
        _cursorY = y;
    }

    /// <summary>MoveTo(1) + LineTo(n-1) (MVT 2.1 §4.3.4.3); needs at least two distinct consecutive points.</summary>
    public void WriteLine(PointBuffer<int> line)
    {
        _commands.Add(CommandInteger(MoveTo, 1));
        AddPoint(line.X(0), line.Y(0));
        _commands.Add(CommandInteger(LineTo, line.Count - 1));
        for (int i = 1; i < line.Count; i++)
        {
            AddPoint(line.X(i), line.Y(i));
        }
    }

    /// <summary>
    /// MoveTo(1) + LineTo(n-1) + ClosePath(1) (MVT 2.1 §4.3.4.4). When <paramref name="reversed"/> the ring is
    /// walked backwards from the same start point, which flips its winding.
    /// </summary>
    public void WriteRing(PointBuffer<int> ring, bool reversed)
    {
        int count = ring.Count;
        _commands.Add(CommandInteger(MoveTo, 1));
        AddPoint(ring.X(0), ring.Y(0));
        _commands.Add(CommandInteger(LineTo, count - 1));
        for (int step = 1; step < count; step++)
        {
            int i = reversed ? count - step : step;
            AddPoint(ring.X(i), ring.Y(i));
        }

        _commands.Add(CommandInteger(ClosePath, 1));
    }
}

using TileServer.Mvt.Protobuf;

namespace TileServer.Mvt.Reading;

/// <summary>Turns a geometry command stream (MVT 2.1 §4.3) back into absolute vertex lists.</summary>
internal static class GeometryDecoder
{
    private const uint MoveTo = 1;
    private const uint LineTo = 2;
    private const uint ClosePath = 7;

    public static IReadOnlyList<IReadOnlyList<MvtPoint>> Decode(MvtGeometryType type, uint[] commands)
    {
        var parts = new List<IReadOnlyList<MvtPoint>>();
        List<MvtPoint>? current = null;
        int x = 0;
        int y = 0;
        int position = 0;
        while (position < commands.Length)
        {
            uint command = commands[position++];
            uint id = command & 0x7;
            int count = (int)(command >> 3);
            switch (id)
            {
                case MoveTo:
                case LineTo:
                    if ((long)position + (2L * count) > commands.Length)
                    {
                        throw new FormatException("Geometry command runs past the end of the geometry.");
                    }

                    if (id == LineTo && current is null)
                    {
                        throw new FormatException("LineTo before any MoveTo.");
                    }

                    for (int i = 0; i < count; i++)
                    {
                        x += ZigZag.Decode(commands[position++]);
                        y += ZigZag.Decode(commands[position++]);
                        if (id == MoveTo && (i == 0 || type != MvtGeometryType.Point))
                        {
                            current = new List<MvtPoint>();
                            parts.Add(current);
                        }

                        current!.Add(new MvtPoint(x, y));
                    }

                    break;
                case ClosePath:
                    if (current is null)
                    {
                        throw new FormatException("ClosePath before any MoveTo.");
                    }

                    break;
                default:
                    throw new FormatException($"Unknown geometry command id {id}.");
            }
        }

        return parts;
    }
}

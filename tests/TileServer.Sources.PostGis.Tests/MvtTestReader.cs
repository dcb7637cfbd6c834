namespace TileServer.Sources.PostGis.Tests;

using System.Text;

/// <summary>A minimal reader of the parts of a vector tile the tests check (MVT 2.1 vector_tile.proto):
/// Tile.layers = 3; Layer.name = 1, features = 2, keys = 3, extent = 5; Feature.id = 1, type = 3.</summary>
internal static class MvtTestReader
{
    public sealed record Layer(string Name, uint Extent, List<string> Keys, List<(ulong? Id, int Type)> Features);

    public static List<Layer> Read(byte[] tile)
    {
        var layers = new List<Layer>();
        foreach (var (field, value) in Fields(tile))
        {
            if (field == 3)
                layers.Add(ReadLayer(value!));
        }

        return layers;
    }

    private static Layer ReadLayer(byte[] bytes)
    {
        var layer = new Layer("", 4096, [], []);
        foreach (var (field, value, number) in FieldsWithNumbers(bytes))
        {
            layer = field switch
            {
                1 => layer with { Name = Encoding.UTF8.GetString(value!) },
                5 => layer with { Extent = (uint)number },
                _ => layer,
            };
            if (field == 3)
                layer.Keys.Add(Encoding.UTF8.GetString(value!));
            if (field == 2)
            {
                ulong? id = null;
                var type = 0;
                foreach (var (f, _, n) in FieldsWithNumbers(value!))
                {
                    if (f == 1) id = n;
                    if (f == 3) type = (int)n;
                }

                layer.Features.Add((id, type));
            }
        }

        return layer;
    }

    private static IEnumerable<(int Field, byte[]? Value)> Fields(byte[] bytes) => FieldsWithNumbers(bytes).Select(f => (f.Field, f.Value));

    private static IEnumerable<(int Field, byte[]? Value, ulong Number)> FieldsWithNumbers(byte[] bytes)
    {
        var position = 0;
        while (position < bytes.Length)
        {
            var key = Varint(bytes, ref position);
            var field = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    yield return (field, null, Varint(bytes, ref position));
                    break;
                case 2:
                    var length = (int)Varint(bytes, ref position);
                    yield return (field, bytes[position..(position + length)], 0);
                    position += length;
                    break;
                case 1: position += 8; break;
                case 5: position += 4; break;
                default: throw new InvalidDataException($"wire type {key & 7}");
            }
        }
    }

    private static ulong Varint(byte[] bytes, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return result;
        }
    }
}

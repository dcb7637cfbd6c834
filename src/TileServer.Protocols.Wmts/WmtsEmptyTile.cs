namespace TileServer.Protocols.Wmts;

using System.Buffers;
using TileServer.Rendering;
using TileServer.Rendering.Png;

/// <summary>A fully transparent 256×256 PNG. GetTile answers a tile image (07-057r7 §7.2.3), so a tile
/// with nothing drawn is sent as this image rather than the XYZ endpoint's 204, which WMTS clients would
/// take as an error.</summary>
public static class WmtsEmptyTile
{
    public const string ETag = "\"wmts-empty\"";

    public static byte[] Png { get; } = Encode();

    private static byte[] Encode()
    {
        var canvas = new RasterCanvas(256, 256);
        canvas.Clear(Rgba.Transparent);
        var output = new ArrayBufferWriter<byte>(1024);
        new PngEncoder().Encode(canvas, new PngOptions { Indexed = true }, output);
        return output.WrittenSpan.ToArray();
    }
}

namespace TileServer.Protocols.Wmts;

using Microsoft.AspNetCore.Http;
using TileServer.Core.Caching;
using TileServer.Http;

/// <summary>Writes a GetTile answer through the shared tile writer (ETag, 304, Cache-Control), never gzipped:
/// PNG data is deflated already. An empty tile is answered with <see cref="WmtsEmptyTile"/>'s transparent image
/// instead of 204 (07-057r7 §7.2.3: GetTile returns a tile image).</summary>
public static class WmtsTileResponder
{
    public const string PngContentType = "image/png";

    private static readonly TileContent EmptyImage = new(WmtsEmptyTile.Png, [], WmtsEmptyTile.ETag);

    public static Task WriteAsync(HttpContext context, TileLookup lookup, int maxAgeSeconds)
    {
        var content = lookup.Content.IsEmpty ? EmptyImage : lookup.Content;
        return TileResponseWriter.WriteAsync(context, content, lookup.FromCache, PngContentType, maxAgeSeconds, compressible: false);
    }
}

namespace TileServer.Tests.Http;

using System.Globalization;
using System.Text.Json;
using TileServer.Core.Tiling;
using TileServer.Tests.Support;

/// <summary>GDAL against the OGC API – Tiles of a real listening server (Kestrel on a free port). gdalinfo's OGCAPI
/// driver (GDAL 3.6, Debian 12) opens a collection's PNG map tileset, which needs the TMS 1.0 JSON members of
/// /tileMatrixSets/{id}; GDAL's MVT reader, georeferenced the way the OGCAPI driver does it, reads a CGCS2000Quad
/// vector tile and finds the source parcels at their coordinates (issue 6 item 5). Debian's GDAL 3.6 build has no
/// OGCAPI vector-tile reader at all (docs/ogcapi.md), hence the MVT driver for the vector side.</summary>
public sealed class OgcApiTilesGdalTests : IDisposable
{
    private readonly KestrelSampleServer server = new();

    [Fact]
    public async Task Gdalinfo_opens_the_png_map_tileset_in_world_crs84_quad()
    {
        string output = await ExternalTool.RunAsync("gdalinfo", $"OGCAPI:{server.BaseUrl}/collections/ghyd");
        Assert.Contains("Driver: OGCAPI/OGCAPI", output, StringComparison.Ordinal);
        Assert.Contains("ID[\"OGC\",\"CRS84\"]", output, StringComparison.Ordinal); // the TMS's supportedCRS
        Assert.Contains("TITLE=规划用地用海", output, StringComparison.Ordinal);
        Assert.Contains("Band 4 ", output, StringComparison.Ordinal);                 // RGBA PNG

        // ghyd's zooms end at Web Mercator 16, i.e. WorldCRS84Quad level 15 by equal scale: GDAL's full resolution
        // is that level's cell, read from scaleDenominator through the 0.28 mm rule of the TMS document.
        double[] pixelSize = Numbers(output, "Pixel Size = (");
        Assert.Equal(0.703125 / Math.Pow(2, 15), pixelSize[0], 1e-15);

        // The raster starts at the collection extent's north-west corner (GDAL crops the tiles to it).
        using var client = new HttpClient();
        using var collection = JsonDocument.Parse(await client.GetStringAsync($"{server.BaseUrl}/collections/ghyd"));
        var bbox = collection.RootElement.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0];
        double[] origin = Numbers(output, "Origin = (");
        Assert.Equal(bbox[0].GetDouble(), origin[0], pixelSize[0]);
        Assert.Equal(bbox[3].GetDouble(), origin[1], 1e-6);
    }

    [Fact]
    public async Task Ogrinfo_reads_the_collection_through_the_ogcapi_driver_with_the_source_count_and_extent()
    {
        // GDAL 3.6 takes the tilesets route when a collection links tilesets, and its build cannot read vector
        // tiles, so features go through API=ITEMS (the driver's OGC API – Features path) on the same URL.
        string served = await ExternalTool.RunAsync("ogrinfo", "-ro", "-so", "-oo", "API=ITEMS", $"OGCAPI:{server.BaseUrl}/collections/czkfbj", "czkfbj");
        string stored = await ExternalTool.RunAsync("ogrinfo", "-ro", "-so", SharedSample.GeoPackagePath, "czkfbj");
        Assert.Contains("using driver `OGCAPI' successful", served, StringComparison.Ordinal);
        string count = Line(stored, "Feature Count: ");
        Assert.NotEqual("Feature Count: 0", count);
        Assert.Equal(count, Line(served, "Feature Count: "));
        Assert.Equal(Line(stored, "Extent: "), Line(served, "Extent: "));
    }

    [Fact]
    public async Task Gdal_reads_a_cgcs2000_quad_vector_tile_with_the_source_parcels_in_place()
    {
        var set = TileMatrixSets.Cgcs2000Quad;
        var tile = set.TileAtLonLat(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 12);
        var bounds = set.TileBounds(tile);
        string path = Path.Combine(Path.GetTempPath(), $"cgcs2000-{Guid.NewGuid():N}.mvt");
        try
        {
            using (var client = new HttpClient())
            {
                using var response = await client.GetAsync($"{server.BaseUrl}/collections/czkfbj/tiles/CGCS2000Quad/12/{tile.Row}/{tile.Column}");
                Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType!.MediaType);
                await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
            }

            // The open options GDAL's OGCAPI driver passes for a tile: its top-left corner and size in CRS units.
            using var decoded = JsonDocument.Parse(await ExternalTool.RunAsync("ogr2ogr", "-f", "GeoJSON", "/vsistdout/",
                "-oo", $"@GEOREF_TOPX={Invariant(bounds.MinX)}", "-oo", $"@GEOREF_TOPY={Invariant(bounds.MaxY)}",
                "-oo", $"@GEOREF_TILEDIMX={Invariant(bounds.Width)}", "-oo", $"@GEOREF_TILEDIMY={Invariant(bounds.Height)}", $"MVT:{path}"));
            var served = decoded.RootElement.GetProperty("features").EnumerateArray()
                .ToDictionary(f => f.GetProperty("properties").GetProperty("bsm").ToString(), f => Envelope(f.GetProperty("geometry").GetProperty("coordinates")));

            // The source parcels meeting the tile grown by the 64/4096 buffer, from the GeoPackage behind the server.
            double pad = bounds.Width * 64 / 4096;
            string sql = string.Create(CultureInfo.InvariantCulture,
                $"SELECT bsm, ST_MinX(geom) AS x0, ST_MinY(geom) AS y0, ST_MaxX(geom) AS x1, ST_MaxY(geom) AS y1 FROM czkfbj "
                + $"WHERE ST_Intersects(geom, BuildMbr({bounds.MinX - pad}, {bounds.MinY - pad}, {bounds.MaxX + pad}, {bounds.MaxY + pad}))");
            var stored = (await ExternalTool.RunAsync("ogr2ogr", "-f", "CSV", "/vsistdout/", "-dialect", "SQLite", "-sql", sql, SharedSample.GeoPackagePath))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
                .Select(line => line.Split(','))
                .ToDictionary(cells => cells[0].Trim('"'), cells => cells.Skip(1).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray());
            Assert.NotEmpty(stored);
            Assert.Equal(stored.Keys.Order(), served.Keys.Order());

            // A parcel wholly inside the tile keeps its envelope within the simplification tolerance (a quarter of a
            // 256-px pixel = 4 of 4096 units) plus rounding: 5 units. Web Mercator tile space would shift it by tens.
            double tolerance = 5 * bounds.Width / 4096;
            var inside = stored.Where(s => s.Value[0] > bounds.MinX && s.Value[1] > bounds.MinY && s.Value[2] < bounds.MaxX && s.Value[3] < bounds.MaxY).ToList();
            Assert.NotEmpty(inside);
            foreach (var (bsm, envelope) in inside)
            {
                for (int i = 0; i < 4; i++)
                    Assert.True(Math.Abs(envelope[i] - served[bsm][i]) <= tolerance, $"parcel {bsm}: envelope[{i}] {served[bsm][i]} vs source {envelope[i]}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Line(string output, string prefix) =>
        output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
        ?? $"(no '{prefix}' line)";

    private static double[] Numbers(string output, string prefix)
    {
        int start = output.IndexOf(prefix, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{prefix}' missing in gdalinfo output");
        start += prefix.Length;
        string inner = output[start..output.IndexOf(')', start)];
        return inner.Split(',').Select(v => double.Parse(v.Trim(), CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>minX, minY, maxX, maxY of a GeoJSON coordinates array of any depth.</summary>
    private static double[] Envelope(JsonElement coordinates)
    {
        double[] box = [double.MaxValue, double.MaxValue, double.MinValue, double.MinValue];
        Walk(coordinates);
        return box;

        void Walk(JsonElement node)
        {
            if (node[0].ValueKind == JsonValueKind.Number)
            {
                double x = node[0].GetDouble(), y = node[1].GetDouble();
                box[0] = Math.Min(box[0], x);
                box[1] = Math.Min(box[1], y);
                box[2] = Math.Max(box[2], x);
                box[3] = Math.Max(box[3], y);
                return;
            }

            foreach (var child in node.EnumerateArray())
                Walk(child);
        }
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public void Dispose() => server.Dispose();
}

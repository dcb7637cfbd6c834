namespace TileServer.Tests.Clients;

using System.Diagnostics;
using System.Text.Json;
using TileServer.Core.Tiling;
using TileServer.Mvt;
using TileServer.Tests.Support;

/// <summary>The tiles decode with the reference JavaScript decoder (@mapbox/vector-tile, installed by
/// the test script with npm ci in tests/js), not only with our own decoder.</summary>
public sealed class MapboxVectorTileDecoderTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    [Fact]
    public async Task Composite_tile_over_the_county_seat_decodes_identically_in_javascript()
    {
        var tile = WebMercator.TileAt(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 12);
        using var client = server.CreateClient();
        byte[] bytes = await client.GetByteArrayAsync($"/tiles/xzq,ghyd,yjjbnt,stbhhx,czkfbj,czjsyd2020/{tile.Zoom}/{tile.Column}/{tile.Row}.mvt");
        var ours = MvtReader.Read(bytes);

        using var js = JsonDocument.Parse(await DecodeWithNodeAsync(bytes, tile));
        var jsLayers = js.RootElement.GetProperty("layers");
        Assert.Equal(ours.Layers.Select(l => l.Name).Order(), jsLayers.EnumerateObject().Select(p => p.Name).Order());
        foreach (var layer in ours.Layers)
        {
            var jsLayer = jsLayers.GetProperty(layer.Name);
            Assert.Equal(2, jsLayer.GetProperty("version").GetInt32());
            Assert.Equal(4096, jsLayer.GetProperty("extent").GetInt32());
            var jsFeatures = jsLayer.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(layer.Features.Count, jsFeatures.Count);
            for (int i = 0; i < jsFeatures.Count; i++)
            {
                var expected = layer.Features[i];
                var actual = jsFeatures[i];
                Assert.Equal(expected.Id, actual.GetProperty("id").GetUInt64());
                Assert.Equal("Polygon", actual.GetProperty("type").GetString());
                Assert.Contains(actual.GetProperty("geojsonType").GetString(), new[] { "Polygon", "MultiPolygon" });
                // The JavaScript decoder repeats each ring's first point on ClosePath; ours does not.
                Assert.Equal(expected.Parts.Sum(p => p.Count + 1), actual.GetProperty("points").GetInt32());
                Assert.Equal(expected.Parts.Count, actual.GetProperty("parts").GetInt32());
                foreach (var (key, value) in expected.Attributes)
                {
                    var jsValue = actual.GetProperty("properties").GetProperty(key);
                    Assert.Equal(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                        jsValue.ValueKind == JsonValueKind.String ? jsValue.GetString() : jsValue.GetRawText());
                }
            }
        }

        var ghyd = jsLayers.GetProperty("ghyd");
        Assert.True(ghyd.GetProperty("length").GetInt32() >= 50, "the seat tile should hold many parcels");
    }

    private static async Task<string> DecodeWithNodeAsync(byte[] tileBytes, TileCoordinate tile)
    {
        string scriptDir = Path.Combine(RepositoryRoot.Path, "tests", "js");
        Assert.True(Directory.Exists(Path.Combine(scriptDir, "node_modules", "@mapbox", "vector-tile")),
            "tests/js/node_modules is missing: run the README's test command (scripts/test.sh), which runs npm ci there");
        string file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, tileBytes);
        try
        {
            var start = new ProcessStartInfo("node", ["decode-mvt.mjs", file, $"{tile.Zoom}", $"{tile.Column}", $"{tile.Row}"])
            {
                WorkingDirectory = scriptDir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "node failed: " + await stderr);
            return await stdout;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

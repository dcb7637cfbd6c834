namespace TileServer.Services.Tests.Features;

using System.Runtime.CompilerServices;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Features;
using TileServer.Services.Features;

public sealed class GeoJsonFeatureWriterTests
{
    private static readonly FieldDefinition[] Fields = [new("name", FieldType.Text), new("n", FieldType.Integer), new("mj", FieldType.Real)];

    private static FeatureItem Item(long fid, string wkt, params object?[] values) => new(fid, new WKTReader().Read(wkt), Fields, values);

    private static async Task<JsonElement> WriteCollectionAsync(IAsyncEnumerable<FeatureItem> items, GeoJsonOptions options, Stream? target = null)
    {
        var stream = target ?? new MemoryStream();
        await using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            long count = await GeoJsonFeatureWriter.WriteFeaturesAsync(json, items, options, CancellationToken.None);
            json.WriteEndArray();
            json.WriteNumber("numberReturned", count);
            json.WriteEndObject();
        }

        stream.Position = 0;
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    [Fact]
    public async Task Writes_ids_properties_of_every_type_and_polygons_with_holes()
    {
        var doc = await WriteCollectionAsync(new[]
        {
            Item(7, "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0),(2 2,2 3,3 3,2 2)),((20 20,21 20,21 21,20 20)))", "旱地", 3L, 12.5),
            Item(8, "POINT(118.123456789012 40.987654321098)", null, null, double.NaN),
        }.ToAsyncEnumerable(), new GeoJsonOptions());

        Assert.Equal(2, doc.GetProperty("numberReturned").GetInt32());
        var first = doc.GetProperty("features")[0];
        Assert.Equal(7, first.GetProperty("id").GetInt64());
        Assert.Equal("MultiPolygon", first.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(2, first.GetProperty("geometry").GetProperty("coordinates")[0].GetArrayLength()); // shell + hole
        Assert.Equal("旱地", first.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal(3, first.GetProperty("properties").GetProperty("n").GetInt64());
        Assert.Equal(12.5, first.GetProperty("properties").GetProperty("mj").GetDouble());

        var second = doc.GetProperty("features")[1];
        var position = second.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(118.123456789012, position[0].GetDouble()); // full precision, east first
        Assert.Equal(40.987654321098, position[1].GetDouble());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("properties").GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("properties").GetProperty("mj").ValueKind);
    }

    [Fact]
    public async Task Swaps_axes_and_writes_prefixed_string_ids_when_asked()
    {
        var doc = await WriteCollectionAsync(new[] { Item(12, "LINESTRING(118 40, 119 41)", "a", 1L, 1.0) }.ToAsyncEnumerable(),
            new GeoJsonOptions { SwapAxes = true, IdPrefix = "ghyd." });

        var feature = doc.GetProperty("features")[0];
        Assert.Equal("ghyd.12", feature.GetProperty("id").GetString());
        var start = feature.GetProperty("geometry").GetProperty("coordinates")[0];
        Assert.Equal([40.0, 118.0], start.EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public async Task Output_reaches_the_stream_while_features_are_still_being_read()
    {
        var stream = new MemoryStream();
        var lengthsSeen = new List<long>();

        async IAsyncEnumerable<FeatureItem> Features([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (int i = 0; i < 2_000; i++)
            {
                lengthsSeen.Add(stream.Length);
                await Task.Yield();
                yield return Item(i, "POLYGON((0 0,1 0,1 1,0 1,0 0))", "parcel " + i, (long)i, i * 1.5);
            }
        }

        var doc = await WriteCollectionAsync(Features(), new GeoJsonOptions { FlushThresholdBytes = 4096 }, stream);

        Assert.Equal(2_000, doc.GetProperty("features").GetArrayLength());
        Assert.True(lengthsSeen[^1] > 100_000, $"only {lengthsSeen[^1]} bytes were flushed before the last feature"); // not buffered to the end
    }
}

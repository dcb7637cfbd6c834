using TileServer.Mvt.Tests.TestSupport;

namespace TileServer.Mvt.Tests;

public sealed class MvtTileWriterAttributeTests
{
    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(300UL)]
    [InlineData(ulong.MaxValue)]
    public void Feature_id_round_trips(ulong id)
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Points((1, 1)), id: id)!;

        Assert.Equal(id, feature.Id);
    }

    [Fact]
    public void Missing_id_stays_missing()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Points((1, 1)))!;

        Assert.Null(feature.Id);
    }

    [Fact]
    public void Every_value_type_round_trips_with_its_clr_type()
    {
        MvtAttribute[] attributes =
        [
            new("name", MvtValue.FromString("城镇开发边界 ✓")),
            new("empty", MvtValue.FromString("")),
            new("double", MvtValue.FromDouble(-1234.5678)),
            new("float", MvtValue.FromFloat(3.25f)),
            new("long", MvtValue.FromLong(42)),
            new("negative", MvtValue.FromLong(-42)),
            new("min", MvtValue.FromLong(long.MinValue)),
            new("max", MvtValue.FromLong(long.MaxValue)),
            new("ulong", MvtValue.FromULong(ulong.MaxValue)),
            new("true", MvtValue.FromBool(true)),
            new("false", MvtValue.FromBool(false)),
        ];

        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Points((1, 1)), attributes: attributes)!;

        Assert.Equal(attributes.Length, feature.Attributes.Count);
        Assert.Equal("城镇开发边界 ✓", feature.Attributes["name"]);
        Assert.Equal("", feature.Attributes["empty"]);
        Assert.Equal(-1234.5678, Assert.IsType<double>(feature.Attributes["double"]));
        Assert.Equal(3.25f, Assert.IsType<float>(feature.Attributes["float"]));
        Assert.Equal(42L, Assert.IsType<long>(feature.Attributes["long"]));
        Assert.Equal(-42L, Assert.IsType<long>(feature.Attributes["negative"]));
        Assert.Equal(long.MinValue, feature.Attributes["min"]);
        Assert.Equal(long.MaxValue, feature.Attributes["max"]);
        Assert.Equal(ulong.MaxValue, Assert.IsType<ulong>(feature.Attributes["ulong"]));
        Assert.Equal(true, feature.Attributes["true"]);
        Assert.Equal(false, feature.Attributes["false"]);
    }

    [Fact]
    public void Shared_keys_and_values_are_stored_once_per_layer()
    {
        var writer = new MvtTileWriter(new MvtEncodingOptions());
        writer.BeginLayer("landuse");
        MvtAttribute[] attributes = [new("class", MvtValue.FromString("farmland"))];
        Assert.True(writer.AddFeature(1, TileHelper.Points((1, 1)), attributes));
        Assert.True(writer.AddFeature(2, TileHelper.Points((2, 2)), attributes));
        writer.EndLayer();
        byte[] tile = writer.ToArray();

        // Key "class" and value "farmland" must each occur exactly once in the encoded bytes.
        Assert.Equal(1, CountOccurrences(tile, "class"u8));
        Assert.Equal(1, CountOccurrences(tile, "farmland"u8));
        MvtLayer layer = Assert.Single(MvtReader.Read(tile).Layers);
        Assert.All(layer.Features, f => Assert.Equal("farmland", f.Attributes["class"]));
    }

    [Fact]
    public void Values_of_different_kinds_are_not_merged()
    {
        var writer = new MvtTileWriter(new MvtEncodingOptions());
        writer.BeginLayer("l");
        writer.AddFeature(null, TileHelper.Points((1, 1)), [new("v", MvtValue.FromLong(1))]);
        writer.AddFeature(null, TileHelper.Points((1, 1)), [new("v", MvtValue.FromULong(1))]);
        writer.AddFeature(null, TileHelper.Points((1, 1)), [new("v", MvtValue.FromDouble(1))]);
        writer.EndLayer();

        MvtLayer layer = Assert.Single(MvtReader.Read(writer.ToArray()).Layers);

        Assert.IsType<long>(layer.Features[0].Attributes["v"]);
        Assert.IsType<ulong>(layer.Features[1].Attributes["v"]);
        Assert.IsType<double>(layer.Features[2].Attributes["v"]);
    }

    [Fact]
    public void Dictionaries_restart_for_each_layer()
    {
        var writer = new MvtTileWriter(new MvtEncodingOptions());
        foreach (string layerName in new[] { "a", "b" })
        {
            writer.BeginLayer(layerName);
            writer.AddFeature(null, TileHelper.Points((1, 1)), [new("k", MvtValue.FromString(layerName + "-value"))]);
            writer.EndLayer();
        }

        MvtTile tile = MvtReader.Read(writer.ToArray());

        Assert.Equal("a-value", tile.Layers[0].Features[0].Attributes["k"]);
        Assert.Equal("b-value", tile.Layers[1].Features[0].Attributes["k"]);
    }

    [Fact]
    public void Vanished_feature_leaves_no_keys_behind()
    {
        var writer = new MvtTileWriter(new MvtEncodingOptions());
        writer.BeginLayer("l");
        Assert.False(writer.AddFeature(null, TileHelper.Points((-5000, 0)), [new("ghost", MvtValue.FromString("boo"))]));
        Assert.True(writer.AddFeature(null, TileHelper.Points((1, 1)), [new("real", MvtValue.FromBool(true))]));
        writer.EndLayer();
        byte[] tile = writer.ToArray();

        Assert.Equal(0, CountOccurrences(tile, "ghost"u8));
        Assert.Equal(0, CountOccurrences(tile, "boo"u8));
    }

    [Fact]
    public void Empty_value_is_rejected()
    {
        var writer = new MvtTileWriter(new MvtEncodingOptions());
        writer.BeginLayer("l");

        Assert.Throws<ArgumentException>(() => writer.AddFeature(null, TileHelper.Points((1, 1)), [new("k", default)]));
    }

    private static int CountOccurrences(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        int count = 0;
        int index;
        while ((index = haystack.IndexOf(needle)) >= 0)
        {
            count++;
            haystack = haystack[(index + needle.Length)..];
        }

        return count;
    }
}

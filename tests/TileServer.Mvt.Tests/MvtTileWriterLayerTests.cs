using System.Buffers;
using TileServer.Mvt.Tests.TestSupport;

namespace TileServer.Mvt.Tests;

public sealed class MvtTileWriterLayerTests
{
    [Fact]
    public void New_writer_is_empty_and_produces_an_empty_tile()
    {
        var writer = new MvtTileWriter(new MvtEncodingOptions());

        Assert.True(writer.IsEmpty);
        Assert.Empty(writer.ToArray());
    }

    [Fact]
    public void Layer_without_features_is_omitted()
    {
        var writer = new MvtTileWriter(new MvtEncodingOptions());
        writer.BeginLayer("empty");
        writer.EndLayer();
        writer.BeginLayer("vanished");
        Assert.False(writer.AddFeature(1, TileHelper.Points((-9999, 0)), []));
        writer.EndLayer();
        Assert.True(writer.IsEmpty);

        writer.BeginLayer("roads");
        Assert.True(writer.AddFeature(1, TileHelper.Lines([(0, 0), (10, 10)]), []));
        writer.EndLayer();

        Assert.False(writer.IsEmpty);
        MvtLayer layer = Assert.Single(MvtReader.Read(writer.ToArray()).Layers);
        Assert.Equal("roads", layer.Name);
    }

    [Fact]
    public void Layers_carry_version_2_and_the_configured_extent()
    {
        var writer = new MvtTileWriter(new MvtEncodingOptions { Extent = 512, Buffer = 4 });
        writer.BeginLayer("a");
        writer.AddFeature(null, TileHelper.Points((1, 1)), []);
        writer.EndLayer();
        writer.BeginLayer("b");
        writer.AddFeature(null, TileHelper.Points((2, 2)), []);
        writer.AddFeature(null, TileHelper.Points((3, 3)), []);
        writer.EndLayer();

        MvtTile tile = MvtReader.Read(writer.ToArray());

        Assert.Equal(["a", "b"], tile.Layers.Select(l => l.Name));
        Assert.All(tile.Layers, l => Assert.Equal(2u, l.Version));
        Assert.All(tile.Layers, l => Assert.Equal(512u, l.Extent));
        Assert.Equal([1, 2], tile.Layers.Select(l => l.Features.Count));
    }

    [Fact]
    public void WriteTo_produces_the_same_bytes_as_ToArray()
    {
        MvtTileWriter writer = WriterWithTwoLayers();
        var output = new ArrayBufferWriter<byte>();

        writer.WriteTo(output);

        Assert.Equal(writer.ToArray(), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Reset_allows_reuse_with_identical_output()
    {
        MvtTileWriter writer = WriterWithTwoLayers();
        byte[] first = writer.ToArray();

        writer.Reset();
        Assert.True(writer.IsEmpty);
        Assert.Empty(writer.ToArray());
        Fill(writer);

        Assert.Equal(first, writer.ToArray());
    }

    [Fact]
    public void Misuse_is_reported()
    {
        var writer = new MvtTileWriter(new MvtEncodingOptions());
        Assert.Throws<InvalidOperationException>(() => writer.AddFeature(null, TileHelper.Points((1, 1)), []));
        Assert.Throws<InvalidOperationException>(writer.EndLayer);

        writer.BeginLayer("a");
        Assert.Throws<InvalidOperationException>(() => writer.BeginLayer("b"));
        Assert.Throws<InvalidOperationException>(() => writer.ToArray());
        writer.AddFeature(null, TileHelper.Points((1, 1)), []);
        writer.EndLayer();

        Assert.Throws<InvalidOperationException>(() => writer.BeginLayer("a"));
        writer.BeginLayer("b");
        Assert.Throws<ArgumentException>(() => writer.AddFeature(null, new MvtGeometry(), []));
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MvtTileWriter(new MvtEncodingOptions { Extent = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MvtTileWriter(new MvtEncodingOptions { Buffer = -1 }));
    }

    [Fact]
    public void Reused_geometry_and_writer_do_not_allocate_per_feature_in_steady_state()
    {
        var writer = new MvtTileWriter(new MvtEncodingOptions());
        var geometry = new MvtGeometry();
        MvtAttribute[] attributes = [new("class", MvtValue.FromString("farmland")), new("area", MvtValue.FromLong(7))];
        EncodeManyFeatures(writer, geometry, attributes);

        long before = GC.GetAllocatedBytesForCurrentThread();
        EncodeManyFeatures(writer, geometry, attributes);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 1024, $"steady-state encoding allocated {allocated} bytes");
    }

    private static void EncodeManyFeatures(MvtTileWriter writer, MvtGeometry geometry, MvtAttribute[] attributes)
    {
        writer.Reset();
        writer.BeginLayer("parcels", simplifyTolerance: 0.5, minPolygonArea: 1);
        for (int i = 0; i < 500; i++)
        {
            geometry.Reset(MvtGeometryType.Polygon);
            geometry.BeginPolygon();
            for (int k = 0; k < 32; k++)
            {
                double angle = 2 * Math.PI * k / 32;
                geometry.AddPoint(i * 9 - 200 + (100 * Math.Cos(angle)), 2000 + (100 * Math.Sin(angle)));
            }

            writer.AddFeature((ulong)i, geometry, attributes);
        }

        writer.EndLayer();
    }

    private static MvtTileWriter WriterWithTwoLayers()
    {
        var writer = new MvtTileWriter(new MvtEncodingOptions());
        Fill(writer);
        return writer;
    }

    private static void Fill(MvtTileWriter writer)
    {
        writer.BeginLayer("zones");
        writer.AddFeature(7, TileHelper.Polygons([TileHelper.Square(0, 0, 100)]), [new("code", MvtValue.FromString("A1"))]);
        writer.EndLayer();
        writer.BeginLayer("poi");
        writer.AddFeature(8, TileHelper.Points((5, 5), (6, 6)), [new("rank", MvtValue.FromLong(3))]);
        writer.EndLayer();
    }
}

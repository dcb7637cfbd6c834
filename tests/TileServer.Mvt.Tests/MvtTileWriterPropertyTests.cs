using TileServer.Mvt.Tests.TestSupport;

namespace TileServer.Mvt.Tests;

/// <summary>Random polygons and lines (fixed seeds) checked against the structural rules of MVT 2.1 §4.3.</summary>
public sealed class MvtTileWriterPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_polygons_never_yield_invalid_commands_or_wrong_winding(int seed)
    {
        var random = new Random(seed);
        var writer = new MvtTileWriter(new MvtEncodingOptions());
        var geometry = new MvtGeometry();
        int featuresWritten = 0;
        for (int iteration = 0; iteration < 300; iteration++)
        {
            writer.Reset();
            double tolerance = random.Next(3) == 0 ? 0 : random.NextDouble() * 20;
            writer.BeginLayer("random", tolerance, minPolygonArea: random.NextDouble() * 4);
            RandomPolygons(random, geometry);
            bool added = writer.AddFeature(null, geometry, []);
            writer.EndLayer();
            MvtTile tile = MvtReader.Read(writer.ToArray());
            if (!added)
            {
                Assert.Empty(tile.Layers);
                continue;
            }

            featuresWritten++;
            MvtFeature feature = Assert.Single(Assert.Single(tile.Layers).Features);
            Assert.Empty(CommandStream.Violations(feature.Commands));
            Assert.True(TileHelper.TwiceArea(feature.Parts[0]) > 0, "first ring must be an exterior");
            foreach (IReadOnlyList<MvtPoint> ring in feature.Parts)
            {
                Assert.True(ring.Count >= 3);
                Assert.NotEqual(0, TileHelper.TwiceArea(ring));
                Assert.All(ring, p => Assert.True(p.X is >= -64 and <= 4160 && p.Y is >= -64 and <= 4160));
            }
        }

        Assert.True(featuresWritten > 100, $"only {featuresWritten} features survived; the generator is too harsh");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Random_lines_never_yield_invalid_commands(int seed)
    {
        var random = new Random(seed);
        var writer = new MvtTileWriter(new MvtEncodingOptions());
        var geometry = new MvtGeometry();
        for (int iteration = 0; iteration < 300; iteration++)
        {
            writer.Reset();
            writer.BeginLayer("random", random.Next(2) == 0 ? 0 : random.NextDouble() * 10);
            geometry.Reset(MvtGeometryType.LineString);
            for (int part = random.Next(1, 4); part > 0; part--)
            {
                geometry.BeginPart();
                for (int k = random.Next(1, 30); k > 0; k--)
                {
                    geometry.AddPoint(Coordinate(random), Coordinate(random));
                }
            }

            writer.AddFeature(null, geometry, []);
            writer.EndLayer();
            foreach (MvtLayer layer in MvtReader.Read(writer.ToArray()).Layers)
            {
                MvtFeature feature = Assert.Single(layer.Features);
                Assert.Empty(CommandStream.Violations(feature.Commands));
                Assert.All(feature.Parts, line => Assert.True(line.Count >= 2));
            }
        }
    }

    private static void RandomPolygons(Random random, MvtGeometry geometry)
    {
        geometry.Reset(MvtGeometryType.Polygon);
        for (int polygon = random.Next(1, 4); polygon > 0; polygon--)
        {
            geometry.BeginPolygon();
            for (int ring = random.Next(1, 4); ring > 0; ring--)
            {
                geometry.BeginPart();
                // Star-shaped rings around a random centre, in random orientation, sometimes tiny or off-tile.
                double centerX = Coordinate(random);
                double centerY = Coordinate(random);
                double radius = random.Next(4) == 0 ? random.NextDouble() * 3 : random.NextDouble() * 1500;
                int vertices = random.Next(3, 40);
                int direction = random.Next(2) == 0 ? 1 : -1;
                for (int k = 0; k < vertices; k++)
                {
                    double angle = direction * 2 * Math.PI * k / vertices;
                    double r = radius * (0.3 + (0.7 * random.NextDouble()));
                    geometry.AddPoint(centerX + (r * Math.Cos(angle)), centerY + (r * Math.Sin(angle)));
                }
            }
        }
    }

    private static double Coordinate(Random random) => (random.NextDouble() * 5500) - 700;
}

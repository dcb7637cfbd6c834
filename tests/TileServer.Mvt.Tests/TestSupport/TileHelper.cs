namespace TileServer.Mvt.Tests.TestSupport;

/// <summary>Builds geometries and round-trips single features through the writer and the reader.</summary>
internal static class TileHelper
{
    public static MvtGeometry Points(params (double X, double Y)[] points)
    {
        var geometry = new MvtGeometry();
        geometry.Reset(MvtGeometryType.Point);
        foreach (var (x, y) in points)
        {
            geometry.AddPoint(x, y);
        }

        return geometry;
    }

    public static MvtGeometry Lines(params (double X, double Y)[][] lines)
    {
        var geometry = new MvtGeometry();
        geometry.Reset(MvtGeometryType.LineString);
        foreach (var line in lines)
        {
            geometry.BeginPart();
            foreach (var (x, y) in line)
            {
                geometry.AddPoint(x, y);
            }
        }

        return geometry;
    }

    /// <summary>Each polygon is an array of rings: the exterior first, then its holes.</summary>
    public static MvtGeometry Polygons(params (double X, double Y)[][][] polygons)
    {
        var geometry = new MvtGeometry();
        geometry.Reset(MvtGeometryType.Polygon);
        foreach (var rings in polygons)
        {
            geometry.BeginPolygon();
            for (int r = 0; r < rings.Length; r++)
            {
                if (r > 0)
                {
                    geometry.BeginPart();
                }

                foreach (var (x, y) in rings[r])
                {
                    geometry.AddPoint(x, y);
                }
            }
        }

        return geometry;
    }

    public static (double X, double Y)[] Square(double minX, double minY, double size) =>
        [(minX, minY), (minX + size, minY), (minX + size, minY + size), (minX, minY + size)];

    /// <summary>Encodes one feature in layer "test" and decodes it again; null when AddFeature returned false.</summary>
    public static MvtFeature? RoundTrip(
        MvtGeometry geometry,
        double tolerance = 0,
        double minArea = 0,
        MvtEncodingOptions? options = null,
        ulong? id = null,
        params MvtAttribute[] attributes)
    {
        var writer = new MvtTileWriter(options ?? new MvtEncodingOptions());
        writer.BeginLayer("test", tolerance, minArea);
        bool added = writer.AddFeature(id, geometry, attributes);
        writer.EndLayer();
        MvtTile tile = MvtReader.Read(writer.ToArray());
        if (!added)
        {
            Assert.True(writer.IsEmpty);
            Assert.Empty(tile.Layers);
            return null;
        }

        return Assert.Single(Assert.Single(tile.Layers).Features);
    }

    /// <summary>Twice the surveyor's-formula area of a decoded ring (MVT 2.1 §4.3.4.4).</summary>
    public static long TwiceArea(IReadOnlyList<MvtPoint> ring)
    {
        long sum = 0;
        for (int i = 0; i < ring.Count; i++)
        {
            MvtPoint a = ring[i];
            MvtPoint b = ring[(i + 1) % ring.Count];
            sum += ((long)a.X * b.Y) - ((long)b.X * a.Y);
        }

        return sum;
    }
}

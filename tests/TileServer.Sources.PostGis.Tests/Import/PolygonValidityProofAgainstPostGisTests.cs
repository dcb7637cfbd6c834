namespace TileServer.Sources.PostGis.Tests.Import;

using NetTopologySuite.Geometries;
using Npgsql;
using TileServer.Sources.PostGis.Import;

/// <summary>The client's validity proof must never call valid what PostGIS's ST_IsValid (GEOS) calls invalid, or an
/// invalid geometry would be imported unreported. Thousands of rings, most of them doubtful on purpose (random
/// walks that cross themselves, spikes, vertices on or a rounding step off other segments, collinear runs,
/// repeated points), are proven on the client and checked by the server.</summary>
[Collection(PostGisCollection.Name)]
public sealed class PolygonValidityProofAgainstPostGisTests(PostGisDatabaseFixture database)
{
    [Fact]
    public async Task Every_ring_proven_valid_is_valid_for_st_isvalid_and_most_simple_rings_are_proven()
    {
        var random = new Random(20261207);
        var rings = new List<(string Kind, byte[] Wkb)>();
        for (var i = 0; i < 1_500; i++)
        {
            rings.Add(("star", PolygonValidityProofTests.RingWkb(Star(random))));
            rings.Add(("walk", PolygonValidityProofTests.RingWkb(Walk(random))));
            rings.Add(("damaged star", PolygonValidityProofTests.RingWkb(Damaged(Star(random), random))));
        }

        var valid = await IsValidAsync(rings.Select(r => r.Wkb).ToArray());

        var falseProofs = rings.Where((r, i) => PolygonValidityProof.IsProvenValid(r.Wkb) && !valid[i]).Select(r => r.Kind).ToList();
        Assert.True(falseProofs.Count == 0, $"{falseProofs.Count} rings proven valid that ST_IsValid refuses: {string.Join(", ", falseProofs.Distinct())}");

        // The proof must also be worth having: star-shaped rings are simple, and all but the rare ones with a
        // near-collinear vertex or very many x-monotone chains should be proven on the client.
        var stars = rings.Select((r, i) => (r, i)).Where(x => x.r.Kind == "star").ToList();
        Assert.All(stars, s => Assert.True(valid[s.i]));
        Assert.True(stars.Count(s => PolygonValidityProof.IsProvenValid(s.r.Wkb)) >= stars.Count * 0.9);
        // And the damaged sample really holds invalid rings, so the first assertion tested something.
        Assert.True(rings.Where((r, i) => r.Kind == "damaged star" && !valid[i]).Count() > 300);
        Assert.True(rings.Where((r, i) => r.Kind == "walk" && !valid[i]).Count() > 300);
    }

    private async Task<bool[]> IsValidAsync(byte[][] wkbs)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT ST_IsValid(ST_GeomFromWKB(w)) FROM unnest(@wkbs) WITH ORDINALITY AS t(w, i) ORDER BY i", connection);
        command.Parameters.AddWithValue("wkbs", wkbs);
        var results = new List<bool>(wkbs.Length);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            results.Add(reader.GetBoolean(0));
        return results.ToArray();
    }

    /// <summary>Points at increasing angles around a centre, at random radii: always a simple ring.</summary>
    private static List<Coordinate> Star(Random random)
    {
        var count = random.Next(4, 120);
        double cx = 118 + random.NextDouble(), cy = 41 + random.NextDouble(), size = Math.Pow(10, -random.Next(2, 6));
        // One angle in each of count equal sectors: consecutive angles stay less than half a turn apart, so the
        // centre is inside every triangle fan and the ring is simple.
        var angles = Enumerable.Range(0, count).Select(i => (i + random.NextDouble()) * 2 * Math.PI / count).ToList();
        var jagged = random.Next(4) == 0; // a quarter with radii from 0.2 to 1.2: many x-monotone chains
        var points = angles.Select(a => (Angle: a, Radius: size * (jagged ? 0.2 + random.NextDouble() : 0.8 + 0.4 * random.NextDouble())))
            .Select(p => new Coordinate(cx + Math.Cos(p.Angle) * p.Radius, cy + Math.Sin(p.Angle) * p.Radius)).ToList();
        points.Add(points[0].Copy());
        return points;
    }

    /// <summary>A random walk closed back to its start: crosses itself more often than not.</summary>
    private static List<Coordinate> Walk(Random random)
    {
        var count = random.Next(3, 40);
        var points = new List<Coordinate> { new(118 + random.NextDouble(), 41 + random.NextDouble()) };
        for (var i = 0; i < count; i++)
            points.Add(new Coordinate(points[^1].X + (random.NextDouble() - 0.5) * 1e-3, points[^1].Y + (random.NextDouble() - 0.5) * 1e-3));
        points.Add(points[0].Copy());
        return points;
    }

    /// <summary>One defect per ring: a vertex moved onto, or a rounding step beside, a non-adjacent segment; a spike;
    /// a repeated point; a collinear vertex; or a vertex swapped with another.</summary>
    private static List<Coordinate> Damaged(List<Coordinate> ring, Random random)
    {
        var open = ring.Take(ring.Count - 1).ToList();
        if (open.Count < 4)
            return ring;
        var v = random.Next(open.Count);
        var s = (v + 2 + random.Next(open.Count - 3)) % open.Count; // a segment not touching vertex v
        Coordinate a = open[s], b = open[(s + 1) % open.Count];
        var t = random.NextDouble();
        var onSegment = new Coordinate(a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t);
        switch (random.Next(6))
        {
            case 0:
                open[v] = onSegment;
                break;
            case 1:
                open[v] = new Coordinate(Math.BitIncrement(onSegment.X), Math.BitDecrement(onSegment.Y));
                break;
            case 2:
                open.Insert(v + 1, new Coordinate(open[v].X + (open[v].X - open[(v + open.Count - 1) % open.Count].X) * -0.5, open[v].Y + (open[v].Y - open[(v + open.Count - 1) % open.Count].Y) * -0.5));
                break;
            case 3:
                open.Insert(v, open[v].Copy());
                break;
            case 4:
                var next = open[(v + 1) % open.Count];
                open.Insert(v + 1, new Coordinate((open[v].X + next.X) / 2, (open[v].Y + next.Y) / 2));
                break;
            default:
                (open[v], open[s]) = (open[s], open[v]);
                break;
        }

        open.Add(open[0].Copy());
        return open;
    }
}

namespace TileServer.Sources.PostGis.Tests;

using TileServer.Core.Features;
using TileServer.Core.Tiling;

[Collection(PostGisCollection.Name)]
public sealed class MvtTileTests(PostGisDatabaseFixture database)
{
    private static readonly MvtTileSettings Settings = new(4096, 64, 0.25, 0.25);

    [Fact]
    public async Task A_composite_tile_made_in_the_database_has_the_layers_ids_and_fields()
    {
        var parcels = await PostGisLayerSetup.ImportParcelsAsync(database, 400);
        var others = await PostGisLayerSetup.ImportParcelsAsync(database, 100);
        var s = database.Schema;
        using var source = new PostGisFeatureSource("db", PostGisLayerSetup.Options(database));
        var tile = WebMercator.TileAt(118.62, 40.92, 14);
        var bounds = WebMercator.TileBoundsDegrees(tile);
        var expected = await database.LongsAsync(FormattableString.Invariant(
            $"SELECT bsm::int8 FROM {s}.{parcels} WHERE ST_Intersects(geom, ST_MakeEnvelope({bounds.MinX:R}, {bounds.MinY:R}, {bounds.MaxX:R}, {bounds.MaxY:R}, 4490)) ORDER BY 1"));
        Assert.NotEmpty(expected);

        var requests = new[]
        {
            new MvtLayerRequest("ghyd", $"{s}.{parcels}", ["bsm", "dlbm", "mj"], "bsm"),
            new MvtLayerRequest("rowids", $"{s}.{others}", ["xh"], null),
        };
        for (var repeat = 0; repeat < 4; repeat++) // past Npgsql's auto-prepare threshold: prepared runs must match
        {
            var bytes = await source.GetMvtTileAsync(requests, tile, Settings, CancellationToken.None);
            var layers = MvtTestReader.Read(bytes);
            Assert.Equal(["ghyd", "rowids"], layers.Select(l => l.Name));
            Assert.Equal(4096u, layers[0].Extent);
            Assert.Equal(["bsm", "dlbm", "mj"], layers[0].Keys.Order());
            Assert.All(layers[0].Features, f => Assert.Equal(3, f.Type)); // POLYGON
            // Every parcel meeting the unbuffered tile is in it with its bsm as id (a few more come from the buffer).
            var ids = layers[0].Features.Select(f => (long)f.Id!.Value).ToHashSet();
            Assert.Superset(expected.ToHashSet(), ids);
            Assert.All(layers[1].Features, f => Assert.InRange(f.Id!.Value, 1ul, 100ul)); // fids
        }
    }

    [Fact]
    public async Task Tiles_without_features_are_empty_and_low_zooms_drop_specks()
    {
        var parcels = await PostGisLayerSetup.ImportParcelsAsync(database, 100);
        using var source = new PostGisFeatureSource("db", PostGisLayerSetup.Options(database));
        var request = new[] { new MvtLayerRequest("ghyd", $"{database.Schema}.{parcels}", [], "bsm") };

        Assert.Empty(await source.GetMvtTileAsync(request, WebMercator.TileAt(0, 0, 10), Settings, CancellationToken.None));
        // At zoom 5 a parcel of ~60 m is far below a quarter square pixel: nothing is drawn.
        Assert.Empty(MvtTestReader.Read(await source.GetMvtTileAsync(request, WebMercator.TileAt(118.62, 40.92, 5), Settings, CancellationToken.None))
            .SelectMany(l => l.Features));
        await Assert.ThrowsAsync<ArgumentException>(() => source.GetMvtTileAsync(
            [new MvtLayerRequest("x", $"{database.Schema}.{parcels}", ["missing"], null)], new TileCoordinate(0, 0, 0), Settings, CancellationToken.None));
    }
}

namespace TileServer.Sources.PostGis.Tests;

using System.Threading.Channels;
using Npgsql;
using TileServer.Core.Geometry;
using TileServer.Sources.PostGis.Changes;
using TileServer.Sources.PostGis.Import;

/// <summary>The change triggers and the listener against the real PostgreSQL: each committed statement arrives
/// as the old and new boxes of its rows; TRUNCATE, re-import and reconnects as whole-table changes.</summary>
[Collection(PostGisCollection.Name)]
public sealed class ChangeListenerTests(PostGisDatabaseFixture database)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_update_reports_the_old_and_the_new_box_of_the_row()
    {
        await using var session = await Session.StartAsync(database);
        var (oldBox, fid) = await BoxOfFirstRowAsync(session.Key);
        await database.ExecuteAsync($"UPDATE {session.Key} SET geom = ST_Translate(geom, 0.5, 0.25) WHERE fid = {fid}");

        var change = await session.NextAsync();
        Assert.Equal(session.Key, change.Table);
        Assert.Equal(2, change.Boxes.Count);
        var moved = new BoundingBox(oldBox.MinX + 0.5, oldBox.MinY + 0.25, oldBox.MaxX + 0.5, oldBox.MaxY + 0.25);
        var (first, second) = change.Boxes[0].MinX < change.Boxes[1].MinX ? (change.Boxes[0], change.Boxes[1]) : (change.Boxes[1], change.Boxes[0]);
        AssertClose(oldBox, first);
        AssertClose(moved, second);
    }

    [Fact]
    public async Task Inserts_deletes_and_attribute_edits_report_the_rows_they_touch_and_nothing_before_commit()
    {
        await using var session = await Session.StartAsync(database);
        var (box, fid) = await BoxOfFirstRowAsync(session.Key);

        await database.ExecuteAsync($"UPDATE {session.Key} SET mj = mj + 1 WHERE fid = {fid}");
        var edit = await session.NextAsync();
        Assert.All(edit.Boxes, b => AssertClose(box, b));

        await database.ExecuteAsync($"INSERT INTO {session.Key} (fid, geom, bsm, mj, xh) SELECT 999999, ST_Translate(geom, 1, 1), 'x', 1, 1 FROM {session.Key} WHERE fid = {fid}");
        var insert = await session.NextAsync();
        AssertClose(new BoundingBox(box.MinX + 1, box.MinY + 1, box.MaxX + 1, box.MaxY + 1), Assert.Single(insert.Boxes));

        await database.ExecuteAsync($"BEGIN; DELETE FROM {session.Key} WHERE fid = {fid}; ROLLBACK");
        await database.ExecuteAsync($"DELETE FROM {session.Key} WHERE fid = 999999");
        var delete = await session.NextAsync();
        AssertClose(new BoundingBox(box.MinX + 1, box.MinY + 1, box.MaxX + 1, box.MaxY + 1), Assert.Single(delete.Boxes));
    }

    [Fact]
    public async Task A_statement_over_many_rows_sends_one_box_around_them_and_truncate_the_whole_table()
    {
        await using var session = await Session.StartAsync(database);
        await database.ExecuteAsync($"UPDATE {session.Key} SET mj = mj + 1 WHERE fid <= 200");
        var many = await session.NextAsync();
        var extent = await ExtentAsync($"SELECT ST_Extent(geom)::geometry FROM {session.Key} WHERE fid <= 200");
        AssertClose(extent, Assert.Single(many.Boxes));

        await database.ExecuteAsync($"TRUNCATE {session.Key}");
        Assert.True((await session.NextAsync()).IsWholeTable);
    }

    [Fact]
    public async Task After_a_lost_connection_every_table_is_reported_as_changed_and_listening_resumes()
    {
        await using var session = await Session.StartAsync(database);
        await database.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'tileserver:changes' AND query LIKE 'LISTEN%'");
        Assert.True((await session.NextAsync()).IsWholeTable);

        var (_, fid) = await BoxOfFirstRowAsync(session.Key);
        await database.ExecuteAsync($"UPDATE {session.Key} SET mj = 0 WHERE fid = {fid}");
        Assert.False((await session.NextAsync()).IsWholeTable);
    }

    [Fact]
    public async Task A_replacing_import_reports_the_whole_table_and_the_new_table_reports_its_edits()
    {
        await using var session = await Session.StartAsync(database);
        await using (var importer = new PostGisImporter(database.ConnectionString))
            await importer.ImportAsync([SampleLayers.Parcels(session.Name, 50)], new ImportOptions { TargetSchema = database.Schema, Mode = ImportMode.Replace });
        Assert.True((await session.NextAsync()).IsWholeTable);

        var (box, fid) = await BoxOfFirstRowAsync(session.Key);
        await database.ExecuteAsync($"UPDATE {session.Key} SET mj = 0 WHERE fid = {fid}");
        AssertClose(box, (await session.NextAsync()).Boxes[0]);
    }

    [Fact]
    public async Task Views_are_reported_as_skipped_not_as_failures()
    {
        var name = await PostGisLayerSetup.ImportParcelsAsync(database, 10);
        var view = PostGisDatabaseFixture.NewTableName("parcel_view");
        await database.ExecuteAsync($"CREATE VIEW {database.Schema}.{view} AS SELECT * FROM {database.Schema}.{name}");
        using var source = new PostGisFeatureSource("db", PostGisLayerSetup.Options(database) with { Tables = [$"{database.Schema}.{name}", $"{database.Schema}.{view}"] });
        var result = await source.CreateChangeListener().InstallTriggersAsync(CancellationToken.None);
        Assert.Equal([$"{database.Schema}.{name}"], result.Installed);
        Assert.Contains("view", result.Skipped[$"{database.Schema}.{view}"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_lost_while_installing_fails_as_a_database_error_not_as_a_skip()
    {
        // The server dies (here: the installer's session is terminated) while the first of two tables waits for
        // its lock. That is an outage, to be retried, not "this table cannot carry triggers"; and the next table
        // must not be tried on the dead connection.
        var first = $"{database.Schema}.{await PostGisLayerSetup.ImportParcelsAsync(database, 10)}";
        var second = $"{database.Schema}.{await PostGisLayerSetup.ImportParcelsAsync(database, 10)}";
        using var source = new PostGisFeatureSource("db", PostGisLayerSetup.Options(database) with { Tables = [first, second] });
        await using var holder = await database.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand($"LOCK TABLE {first} IN ACCESS EXCLUSIVE MODE", holder, hold))
            await lockTable.ExecuteNonQueryAsync();

        var install = source.CreateChangeListener().InstallTriggersAsync(CancellationToken.None);
        var waiting = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'tileserver:changes' AND wait_event_type = 'Lock'";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await database.ScalarAsync<long>(waiting) == 0)
        {
            Assert.True(clock.Elapsed < Patience, "the installer never waited for the lock");
            await Task.Delay(50);
        }

        await database.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'tileserver:changes'");
        await hold.RollbackAsync();

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => install);
    }

    private async Task<(BoundingBox Box, long Fid)> BoxOfFirstRowAsync(string key)
    {
        var fid = (await database.LongsAsync($"SELECT fid FROM {key} ORDER BY fid LIMIT 1"))[0];
        return (await ExtentAsync($"SELECT ST_Envelope(geom) FROM {key} WHERE fid = {fid}"), fid);
    }

    private async Task<BoundingBox> ExtentAsync(string sql)
    {
        var values = await database.ScalarAsync<double[]>($"SELECT ARRAY[ST_XMin(g), ST_YMin(g), ST_XMax(g), ST_YMax(g)] FROM ({sql}) AS t(g)");
        return new BoundingBox(values[0], values[1], values[2], values[3]);
    }

    private static void AssertClose(BoundingBox expected, BoundingBox actual)
    {
        Assert.Equal(expected.MinX, actual.MinX, 9);
        Assert.Equal(expected.MinY, actual.MinY, 9);
        Assert.Equal(expected.MaxX, actual.MaxX, 9);
        Assert.Equal(expected.MaxY, actual.MaxY, 9);
    }

    /// <summary>A source over one fresh table with its triggers installed and a listener running.</summary>
    private sealed class Session : IAsyncDisposable
    {
        private readonly Channel<TableChange> received = Channel.CreateUnbounded<TableChange>();
        private readonly CancellationTokenSource stop = new();
        private PostGisFeatureSource source = null!;
        private Task listening = Task.CompletedTask;

        public string Name { get; private set; } = "";

        public string Key { get; private set; } = "";

        public static async Task<Session> StartAsync(PostGisDatabaseFixture database)
        {
            var session = new Session();
            session.Name = await PostGisLayerSetup.ImportParcelsAsync(database, 300);
            session.Key = $"{database.Schema}.{session.Name}";
            session.source = new PostGisFeatureSource("db", PostGisLayerSetup.Options(database) with { Tables = [session.Key] });
            var listener = session.source.CreateChangeListener();
            Assert.Equal([session.Key], (await listener.InstallTriggersAsync(CancellationToken.None)).Installed);
            var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            listener.Connected += () => connected.TrySetResult();
            session.listening = listener.ListenAsync(session.ReceiveAsync, _ => { }, session.stop.Token);
            await connected.Task.WaitAsync(Patience);
            return session;
        }

        public async Task<TableChange> NextAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            return await received.Reader.ReadAsync(timeout.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await listening;
            source.Dispose();
            stop.Dispose();
        }

        private async Task ReceiveAsync(IReadOnlyList<TableChange> batch, CancellationToken cancellationToken)
        {
            foreach (var change in batch)
                await received.Writer.WriteAsync(change, cancellationToken);
        }
    }
}

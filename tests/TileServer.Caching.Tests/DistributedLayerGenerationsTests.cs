namespace TileServer.Caching.Tests;

using TileServer.Caching.Tests.Fakes;

public sealed class DistributedLayerGenerationsTests
{
    private readonly ControllableDistributedCache store = new();

    private DistributedLayerGenerations NewInstance(TimeSpan refresh) =>
        new(new ResilientDistributedCache(store, new DistributedTierOptions { OperationTimeout = TimeSpan.FromMilliseconds(100), BreakDuration = TimeSpan.FromMilliseconds(200) }), refresh);

    [Fact]
    public async Task A_bump_on_one_instance_reaches_the_other_after_the_refresh_interval()
    {
        DistributedLayerGenerations first = NewInstance(TimeSpan.Zero);
        DistributedLayerGenerations second = NewInstance(TimeSpan.Zero);
        Assert.Equal(0, await second.GetAsync("ghyd", CancellationToken.None));

        long bumped = await first.BumpAsync("ghyd", CancellationToken.None);

        Assert.True(bumped > 0);
        Assert.Equal(bumped, await second.GetAsync("ghyd", CancellationToken.None));
        Assert.Equal(0, await second.GetAsync("xzq", CancellationToken.None));
    }

    [Fact]
    public async Task An_observed_generation_applies_at_once_and_never_moves_back()
    {
        DistributedLayerGenerations generations = NewInstance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await generations.GetAsync("ghyd", CancellationToken.None));

        generations.Observe("ghyd", 500);
        generations.Observe("ghyd", 400);

        Assert.Equal(500, await generations.GetAsync("ghyd", CancellationToken.None));
    }

    [Fact]
    public async Task Within_the_refresh_interval_the_known_value_is_used_without_a_round_trip()
    {
        DistributedLayerGenerations generations = NewInstance(TimeSpan.FromMinutes(1));
        await generations.GetAsync("ghyd", CancellationToken.None);
        int gets = store.Gets;

        await generations.GetAsync("ghyd", CancellationToken.None);

        Assert.Equal(gets, store.Gets);
    }

    [Fact]
    public async Task Generations_never_go_back_and_a_lost_value_is_written_back()
    {
        DistributedLayerGenerations generations = NewInstance(TimeSpan.Zero);
        long bumped = await generations.BumpAsync("ghyd", CancellationToken.None);

        await store.RemoveAsync("tileserver:generation:ghyd"); // as after a Redis restart without persistence

        Assert.Equal(bumped, await generations.GetAsync("ghyd", CancellationToken.None));
        Assert.NotNull(store.Peek("tileserver:generation:ghyd"));
    }

    [Fact]
    public async Task Bumps_while_the_tier_is_down_apply_locally_and_spread_after_recovery()
    {
        DistributedLayerGenerations first = NewInstance(TimeSpan.Zero);
        DistributedLayerGenerations second = NewInstance(TimeSpan.Zero);
        store.Mode = DistributedCacheMode.Throwing;

        long bumped = await first.BumpAsync("ghyd", CancellationToken.None);
        Assert.Equal(bumped, await first.GetAsync("ghyd", CancellationToken.None));

        store.Mode = DistributedCacheMode.Working;
        await Task.Delay(TimeSpan.FromMilliseconds(250)); // past the break duration of the circuit
        await first.GetAsync("ghyd", CancellationToken.None); // writes its higher value back

        Assert.Equal(bumped, await second.GetAsync("ghyd", CancellationToken.None));
    }
}

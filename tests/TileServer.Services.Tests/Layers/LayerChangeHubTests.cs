namespace TileServer.Services.Tests.Layers;

using TileServer.Core.Layers;
using TileServer.Services.Layers;

public sealed class LayerChangeHubTests
{
    [Fact]
    public async Task Handlers_run_in_subscription_order_and_a_failure_does_not_stop_the_others()
    {
        var hub = new LayerChangeHub();
        var seen = new List<string>();
        using var first = hub.Subscribe((changes, _) => { seen.Add("first:" + changes[0].LayerId); throw new InvalidOperationException("boom"); });
        using var second = hub.Subscribe((changes, _) => { seen.Add("second:" + changes[0].LayerId); return Task.CompletedTask; });

        var error = await Assert.ThrowsAsync<AggregateException>(() => hub.PublishAsync([LayerDataChange.Whole("ghyd")], CancellationToken.None));

        Assert.Equal(["first:ghyd", "second:ghyd"], seen);
        Assert.Equal("boom", Assert.Single(error.InnerExceptions).Message);
    }

    [Fact]
    public async Task A_disposed_subscription_is_no_longer_called_and_empty_batches_are_not_published()
    {
        var hub = new LayerChangeHub();
        int calls = 0;
        var subscription = hub.Subscribe((_, _) => { calls++; return Task.CompletedTask; });

        await hub.PublishAsync([], CancellationToken.None);
        await hub.PublishAsync([LayerDataChange.Whole("xzq")], CancellationToken.None);
        subscription.Dispose();
        subscription.Dispose();
        await hub.PublishAsync([LayerDataChange.Whole("xzq")], CancellationToken.None);

        Assert.Equal(1, calls);
    }
}

namespace TileServer.Services.Tests.Planning;

using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Services.Layers;
using TileServer.Services.Planning;

/// <summary>The monitor computes in the background and again on each change of an input layer, feeds the
/// conflicts source and announces the conflicts layer as changed (so its cached tiles are purged).</summary>
public sealed class PlanningMonitorTests
{
    private sealed class Setup : IDisposable
    {
        public Setup()
        {
            Catalog = Data.Catalog();
            Monitor = new PlanningMonitor(new PlanningCalculator(Catalog), new IndicatorReportBuilder([]), Conflicts, Hub);
            Hub.Subscribe((changes, _) =>
            {
                lock (Announced)
                {
                    Announced.AddRange(changes.Select(c => c.LayerId));
                }

                return Task.CompletedTask;
            });
        }

        public PlanningTestSource Data { get; } = PlanningCalculatorTests.Sample();

        public ILayerCatalog Catalog { get; }

        public LayerChangeHub Hub { get; } = new();

        public ConflictFeatureSource Conflicts { get; } = new(new BoundingBox(118, 40, 120, 42));

        public PlanningMonitor Monitor { get; }

        public List<string> Announced { get; } = [];

        public void Dispose() => Monitor.Dispose();
    }

    [Fact]
    public async Task Nothing_is_served_before_the_first_computation_and_the_result_after_it()
    {
        using var setup = new Setup();
        Assert.Null(setup.Monitor.Report);
        Assert.Equal(0, setup.Conflicts.Count);

        await setup.Monitor.Trigger();

        Assert.Null(setup.Monitor.LastFailure);
        Assert.Single(setup.Monitor.Report!.Conflicts);
        Assert.Equal(1, setup.Conflicts.Count);
        Assert.Equal(["conflicts"], setup.Announced);
    }

    [Fact]
    public async Task A_change_of_an_input_layer_recomputes_and_other_changes_do_not()
    {
        using var setup = new Setup();
        await setup.Monitor.Trigger();
        var first = setup.Monitor.Snapshot!;

        setup.Data.Clear("stbhhx");
        await setup.Hub.PublishAsync([LayerDataChange.Whole("ghyd_other")], CancellationToken.None);
        await setup.Monitor.Idle;
        Assert.Same(first, setup.Monitor.Snapshot);

        await setup.Hub.PublishAsync([LayerDataChange.Whole("stbhhx")], CancellationToken.None);
        await setup.Monitor.Idle;
        Assert.NotSame(first, setup.Monitor.Snapshot);
        Assert.Empty(setup.Monitor.Report!.Conflicts);
        Assert.Equal(0, setup.Conflicts.Count);
        Assert.Equal(0, setup.Monitor.Snapshot!.Units["130881"].RedlineM2);
    }

    [Fact]
    public async Task A_failed_computation_keeps_the_previous_result()
    {
        using var setup = new Setup();
        await setup.Monitor.Trigger();
        var first = setup.Monitor.Report;

        setup.Data.Failing = true;
        await setup.Monitor.Trigger();

        Assert.IsType<InvalidOperationException>(setup.Monitor.LastFailure);
        Assert.Same(first, setup.Monitor.Report);
        Assert.Equal(1, setup.Conflicts.Count);
    }
}

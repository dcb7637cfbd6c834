namespace TileServer.Services.Planning;

using TileServer.Core.Layers;

/// <summary>Keeps the indicators and conflicts in step with the data, never computing per request: one
/// computation in the background at start-up and another whenever the layer change feed reports a change
/// to an input layer (changes arriving during a run are coalesced into one more run). Readers see the
/// latest finished result, or null before the first one. After each run the conflicts source is replaced
/// and a whole-layer change of <c>conflicts</c> is published, so its cached tiles are invalidated.</summary>
public sealed class PlanningMonitor : IDisposable
{
    private readonly PlanningCalculator calculator;
    private readonly IndicatorReportBuilder builder;
    private readonly ConflictFeatureSource conflicts;
    private readonly ILayerChangeFeed feed;
    private readonly Action<Exception>? onFailure;
    private readonly IDisposable subscription;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock sync = new();
    private Task running = Task.CompletedTask;
    private bool active;
    private bool dirty;
    private IndicatorReport? report;
    private PlanningSnapshot? snapshot;

    public PlanningMonitor(
        PlanningCalculator calculator, IndicatorReportBuilder builder, ConflictFeatureSource conflicts, ILayerChangeFeed feed, Action<Exception>? onFailure = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        this.calculator = calculator;
        this.builder = builder;
        this.conflicts = conflicts;
        this.feed = feed;
        this.onFailure = onFailure;
        subscription = feed.Subscribe(OnChangeAsync);
    }

    /// <summary>The latest finished report, or null while the first computation runs.</summary>
    public IndicatorReport? Report => Volatile.Read(ref report);

    /// <summary>The latest finished snapshot (raw measures and conflict geometries), or null.</summary>
    public PlanningSnapshot? Snapshot => Volatile.Read(ref snapshot);

    /// <summary>The most recent failure of a computation, cleared by the next success.</summary>
    public Exception? LastFailure { get; private set; }

    /// <summary>Completes when no computation is running or pending (for tests and the CLI).</summary>
    public Task Idle
    {
        get
        {
            lock (sync)
            {
                return running;
            }
        }
    }

    /// <summary>Starts a computation in the background (or marks one pending when one is running).</summary>
    public Task Trigger()
    {
        lock (sync)
        {
            if (active)
            {
                dirty = true;
                return running;
            }

            active = true;
            running = Task.Run(RunAsync);
            return running;
        }
    }

    public void Dispose()
    {
        subscription.Dispose();
        // Not disposed: a running computation may still read the token; cancelling is what stops it.
        stopping.Cancel();
    }

    private Task OnChangeAsync(IReadOnlyList<LayerDataChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Any(c => PlanningLayerIds.Inputs.Contains(c.LayerId)))
        {
            _ = Trigger();
        }

        return Task.CompletedTask;
    }

    /// <summary>A run allocates in proportion to the data (gigabytes on the 2-million-parcel set) and the server
    /// may then sit idle: without allocations no collection runs and the garbage stays committed, which is how
    /// an idle server was seen holding 2.5 GB (docs/planning.md, "Memory"). One aggressive, compacting
    /// collection per run (rare: start-up and data changes) hands it back to the operating system.</summary>
    private static void ReturnMemory() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    private async Task RunAsync()
    {
        while (true)
        {
            try
            {
                var result = await calculator.ComputeAsync(stopping.Token).ConfigureAwait(false);
                conflicts.Replace(result.Conflicts);
                Volatile.Write(ref snapshot, result);
                Volatile.Write(ref report, builder.Build(result));
                LastFailure = null;
                await feed.PublishAsync([LayerDataChange.Whole(PlanningLayerIds.Conflicts)], stopping.Token).ConfigureAwait(false);
                ReturnMemory();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                // The previous result stays served; the next change triggers another attempt.
                LastFailure = failure;
                onFailure?.Invoke(failure);
            }

            lock (sync)
            {
                if (!dirty)
                {
                    active = false;
                    return;
                }

                dirty = false;
            }
        }
    }
}

namespace TileServer.Sources.PostGis.Import;

using System.Diagnostics;

/// <summary>Splits a running stopwatch into named consecutive stages: each <see cref="Start"/> ends the stage
/// before it.</summary>
internal sealed class StageClock(Stopwatch clock)
{
    private readonly List<ImportStageTime> stages = [];
    private string? current;
    private TimeSpan currentStart;

    public void Start(string stage)
    {
        Close();
        current = stage;
        currentStart = clock.Elapsed;
    }

    public IReadOnlyList<ImportStageTime> Stop()
    {
        Close();
        return stages;
    }

    private void Close()
    {
        if (current is not null)
            stages.Add(new ImportStageTime(current, clock.Elapsed - currentStart));
        current = null;
    }
}

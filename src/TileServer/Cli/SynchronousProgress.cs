namespace TileServer.Cli;

using System.Diagnostics;

/// <summary>Prints progress messages immediately, in order, with the elapsed time
/// (<see cref="Progress{T}"/> would post them to the thread pool and could reorder them).</summary>
public sealed class SynchronousProgress(TextWriter writer, Stopwatch clock) : IProgress<string>
{
    private readonly Lock gate = new();

    public void Report(string value)
    {
        lock (gate)
        {
            writer.WriteLine($"  [{clock.Elapsed:mm\\:ss}] {value}");
        }
    }
}

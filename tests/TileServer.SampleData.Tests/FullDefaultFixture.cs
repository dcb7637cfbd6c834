namespace TileServer.SampleData.Tests;

using System.Diagnostics;

/// <summary>Generates the full default dataset once for all tests that need every unit.</summary>
public sealed class FullDefaultFixture
{
    public FullDefaultFixture()
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Dataset = SampleGenerator.Generate(new SampleOptions());
        Elapsed = clock.Elapsed;
        process.Refresh();
        CpuTime = process.TotalProcessorTime - cpuBefore;
    }

    public SampleDataset Dataset { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Processor time spent generating; half of it is the wall time on two dedicated cores,
    /// which stays meaningful when the shared machine is busy with other builds.</summary>
    public TimeSpan CpuTime { get; }
}

namespace TileServer.Benchmarks;

using System.Runtime.InteropServices;

/// <summary>
/// CPU time consumed by this process, in nanoseconds, from clock_gettime(CLOCK_PROCESS_CPUTIME_ID) — the clock
/// Python's time.process_time() reads, so both sides of the Mapnik comparison are measured alike.
/// Process.TotalProcessorTime is too coarse for this on Linux (clock ticks of 10 ms).
/// </summary>
internal static class ProcessCpuClock
{
    private const int ClockProcessCpuTimeId = 2; // <time.h> on Linux

    public static double Milliseconds()
    {
        if (clock_gettime(ClockProcessCpuTimeId, out TimeSpec now) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
        }

        return (now.Seconds * 1000.0) + (now.Nanoseconds / 1e6);
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

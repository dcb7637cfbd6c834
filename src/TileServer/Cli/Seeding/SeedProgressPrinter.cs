namespace TileServer.Cli.Seeding;

using System.Diagnostics;
using TileServer.Services.Seeding;

/// <summary>Shows seeding progress: one line rewritten in place on a terminal, or, when output is
/// redirected (logs, CI), a plain line at the first report, every few seconds, and at the end.</summary>
public sealed class SeedProgressPrinter(TextWriter writer, bool interactive) : IProgress<SeedProgress>
{
    private const int BarWidth = 30;
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private Stopwatch? sincePlain;
    private int lastWidth;

    public void Report(SeedProgress value)
    {
        lock (gate)
        {
            string line = Format(value);
            if (interactive)
            {
                writer.Write("\r" + line.PadRight(lastWidth));
                lastWidth = line.Length;
                if (value.IsComplete)
                {
                    writer.WriteLine();
                }
            }
            else if (value.IsComplete || sincePlain is null || sincePlain.Elapsed >= PlainInterval)
            {
                sincePlain = Stopwatch.StartNew();
                writer.WriteLine(line);
            }

            writer.Flush();
        }
    }

    public static string Format(SeedProgress p)
    {
        double fraction = p.Total == 0 ? 1 : (double)p.Done / p.Total;
        int filled = (int)Math.Round(fraction * BarWidth);
        string eta = p.Eta is { } e ? $"{(int)e.TotalHours:00}:{e.Minutes:00}:{e.Seconds:00}" : "--:--:--";
        return $"  [{new string('#', filled)}{new string('.', BarWidth - filled)}] {p.Done:N0}/{p.Total:N0} {fraction:P1}"
            + $"  {p.TilesPerSecond:N0} tiles/s  ETA {eta}  (stored {p.Stored:N0}, empty {p.Empty:N0}, skipped {p.Skipped:N0})";
    }
}

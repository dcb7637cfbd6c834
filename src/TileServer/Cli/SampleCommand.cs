namespace TileServer.Cli;

using System.Diagnostics;
using TileServer.Configuration;
using TileServer.Core.Errors;
using TileServer.SampleData;
using TileServer.SampleData.Reference;
using TileServer.Sources.GeoPackage;

/// <summary><c>tileserver sample</c>: generates the deterministic sample planning data into a GeoPackage.</summary>
public static class SampleCommand
{
    public const string DefaultOutput = "data/sample.gpkg";

    public static int Run(string[] args)
    {
        var options = new OptionReader(args, new HashSet<string> { "output", "seed", "density", "units" }, new HashSet<string> { "scale" });
        string root = ProjectPaths.FindRoot();
        string output = ProjectPaths.Resolve(root, options.Text("output") ?? DefaultOutput);
        var sample = options.Has("scale") ? SampleOptions.Scale() : new SampleOptions();
        sample = sample with
        {
            Seed = options.Integer("seed") ?? sample.Seed,
            Density = options.Number("density") ?? sample.Density,
            Units = KnownUnits(options.Text("units")),
        };
        Generate(output, sample);
        return 0;
    }

    /// <summary>The --units codes, checked before minutes of generation: an unknown code is a usage error.</summary>
    private static string[]? KnownUnits(string? text)
    {
        string[]? codes = text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (codes is { Length: 0 })
            throw new UsageException("--units: no unit code given (a comma-separated list such as 130881,152501)");
        var known = CountyBoundaryCatalog.All.Select(b => b.Code).ToHashSet(StringComparer.Ordinal);
        string[] unknown = codes?.Where(c => !known.Contains(c)).ToArray() ?? [];
        if (unknown.Length > 0)
            throw new UsageException($"--units: unknown unit {string.Join(", ", unknown)} (the sample has {string.Join(", ", known)})");
        return codes;
    }

    /// <summary>Generates and writes the sample, printing progress and the indicator report.</summary>
    public static void Generate(string output, SampleOptions options)
    {
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"tileserver: generating sample data (seed {options.Seed}, density {options.Density}) into {output}");
        var dataset = SampleGenerator.Generate(options, new SynchronousProgress(Console.Out, clock));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            GeoPackageWriter.Write(output, dataset.Layers, new SynchronousProgress(Console.Out, clock));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new DataSourceException($"{output}: cannot write the sample GeoPackage ({e.Message})", e);
        }
        Console.WriteLine(dataset.Report.ToText());
        Console.WriteLine($"tileserver: wrote {output} in {clock.Elapsed.TotalSeconds:F1} s");
    }
}

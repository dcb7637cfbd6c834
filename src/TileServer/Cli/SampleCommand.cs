namespace TileServer.Cli;

using System.Diagnostics;
using TileServer.Configuration;
using TileServer.SampleData;
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
            Units = options.Text("units")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        Generate(output, sample);
        return 0;
    }

    /// <summary>Generates and writes the sample, printing progress and the indicator report.</summary>
    public static void Generate(string output, SampleOptions options)
    {
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"tileserver: generating sample data (seed {options.Seed}, density {options.Density}) into {output}");
        var dataset = SampleGenerator.Generate(options, new SynchronousProgress(Console.Out, clock));
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        GeoPackageWriter.Write(output, dataset.Layers, new SynchronousProgress(Console.Out, clock));
        Console.WriteLine(dataset.Report.ToText());
        Console.WriteLine($"tileserver: wrote {output} in {clock.Elapsed.TotalSeconds:F1} s");
    }
}

using BenchmarkDotNet.Running;
using TileServer.Benchmarks;

// Run: dotnet run -c Release --project benchmarks/TileServer.Benchmarks -- --filter '*' [--job short --inProcess]
//      dotnet run -c Release --project benchmarks/TileServer.Benchmarks -- render-tiles <tiles.txt> <rounds> [png dir] [--warmup S]
//        renders z/x/y lines in process without cache and prints per-tile median ms and PNG bytes
//        (used by benchmarks/raster-vs-mapnik.sh); --warmup renders the whole list for S seconds first.
//      … -- scan-tiles <tiles.txt> <rounds> [streamed]   times only the GeoPackage scans of those tiles (the row
//        scan the renderer uses, or with "streamed" QueryAsync's records)
//      … -- encode-tiles <tiles.txt> <rounds> [Fast|Balanced|Smallest] [png dir]   the PNG encoder alone on
//        those tiles (rendered once as RGBA, decoded, encoded indexed ROUNDS times): bytes, encode CPU ms, error
//      … -- idat-levels <png dir> <rounds>   those PNGs' image data deflated at each zlib level and strategy
//      … -- ab-builds <tiles.txt> <rounds> <buildDirA> <buildDirB>   two builds' renderers alternating render by
//        render in one process (CPU time, paired ratios B/A): A/B measurements on a loaded machine
//      … -- sample-path   prints the benchmark GeoPackage's path (generated on first use).
// Results and method: docs/benchmarks.md.
if (args.Length > 0 && args[0] == "sample-path")
{
    Console.WriteLine(BenchmarkData.PingquanGeoPackage());
    return;
}

if (args.Length > 0 && args[0] == "render-tiles")
{
    // "--warmup S" (anywhere after the verb): render the list for S seconds before timing (see TileListRenderer).
    int warmupAt = Array.IndexOf(args, "--warmup");
    double warmupSeconds = warmupAt > 0 ? double.Parse(args[warmupAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 0;
    string[] positional = warmupAt > 0 ? [.. args[..warmupAt], .. args[(warmupAt + 2)..]] : args;
    await TileListRenderer.RunAsync(positional[1], positional.Length > 2 ? int.Parse(positional[2], System.Globalization.CultureInfo.InvariantCulture) : 5, positional.Length > 3 ? positional[3] : null, warmupSeconds);
    return;
}

if (args.Length > 0 && args[0] == "encode-tiles")
{
    await TileEncodeTimer.RunAsync(
        args[1],
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15,
        args.Length > 3 ? Enum.Parse<TileServer.Rendering.Png.PngCompression>(args[3]) : TileServer.Rendering.Png.PngCompression.Balanced,
        args.Length > 4 ? args[4] : null);
    return;
}

if (args.Length > 0 && args[0] == "idat-levels")
{
    IdatLevelTimer.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args.Length > 0 && args[0] == "ab-builds")
{
    await BuildAlternation.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3], args[4]);
    return;
}

if (args.Length > 0 && args[0] == "scan-tiles")
{
    await SourceScanTimer.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5, args.Length > 3 && args[3] == "streamed");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

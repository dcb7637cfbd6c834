namespace TileServer.Cli;

using TileServer.Core.Errors;

/// <summary>Dispatches the CLI verbs: <c>serve</c> (default), <c>sample</c>, <c>help</c>.
/// Expected failures (bad configuration, missing or corrupt data) print one line, never a stack trace.</summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        string verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        string[] rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        try
        {
            return verb switch
            {
                "serve" => await ServeCommand.RunAsync(rest).ConfigureAwait(false),
                "sample" => SampleCommand.Run(rest),
                "import" => await ImportCommand.RunAsync(rest).ConfigureAwait(false),
                "seed" => await SeedCommand.RunAsync(rest).ConfigureAwait(false),
                "help" or "--help" or "-h" => PrintUsage(Console.Out, 0),
                _ => PrintUsage(Console.Error, 2, $"unknown command '{verb}'"),
            };
        }
        catch (Exception ex) when (ex is ConfigurationException or DataSourceException or UsageException or SourceUnavailableException)
        {
            Console.Error.WriteLine($"tileserver: {ex.Message}");
            return ex is UsageException ? 2 : 1;
        }
    }

    private static int PrintUsage(TextWriter writer, int exitCode, string? problem = null)
    {
        if (problem is not null)
        {
            writer.WriteLine($"tileserver: {problem}");
        }

        writer.WriteLine("""
            usage: tileserver [serve] [--urls URL] [--TileServer:Section:Key=value ...]
                   tileserver sample [--output data/sample.gpkg] [--seed N] [--density X] [--scale] [--units 130881,152501]
                   tileserver import <file.gpkg|file.geojson> [--layers a,b] [--to CONNECTION] [--mode create|replace|append] [--invalid repair|reject] [--schema public]
                   tileserver seed --layers a[,b] --zooms 10-14 [--tms WebMercatorQuad] [--bbox minLon,minLat,maxLon,maxLat | --xzqdm 130881] [--threads N] [--format mvt|png] [--to redis | --to mbtiles:FILE]
              serve   publish the configured layers (config/tileserver.json); generates the sample data first if missing
              sample  generate the deterministic sample planning data set into a GeoPackage and print its indicators
              import  load layers into PostGIS (binary COPY, atomic per layer); --to defaults to $TILESERVER_POSTGIS
            """);
        return exitCode;
    }
}

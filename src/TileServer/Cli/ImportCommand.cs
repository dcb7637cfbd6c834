namespace TileServer.Cli;

using System.Diagnostics;
using TileServer.Cli.Import;
using TileServer.Configuration;
using TileServer.Core.Errors;
using TileServer.Sources.GeoPackage;
using TileServer.Sources.PostGis.Import;

/// <summary><c>tileserver import FILE [--layers a,b] [--to CONNECTION] [--mode create|replace|append]
/// [--invalid repair|reject] [--schema NAME]</c>: loads a GeoPackage or GeoJSON file into PostGIS with
/// binary COPY, each layer atomically (staging table swapped in one transaction).</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException("import needs a file: tileserver import <file.gpkg|file.geojson> --to <connection string>");
        }

        string file = ProjectPaths.Resolve(Directory.GetCurrentDirectory(), args[0]);
        var options = new OptionReader(args[1..], new HashSet<string> { "layers", "to", "mode", "invalid", "schema" }, new HashSet<string>());
        string connection = NonEmpty(options.Text("to")) ?? NonEmpty(Environment.GetEnvironmentVariable(TileServerSettings.PostGisVariable))
            ?? throw new UsageException($"import needs --to <Npgsql connection string> or {TileServerSettings.PostGisVariable}");
        var importOptions = new ImportOptions
        {
            Mode = ParseEnum<ImportMode>("mode", options.Text("mode") ?? "create"),
            InvalidGeometry = ParseEnum<InvalidGeometryHandling>("invalid", options.Text("invalid") ?? "repair"),
            TargetSchema = options.Text("schema") ?? "public",
        };
        await using var importer = OpenImporter(connection);
        var layers = options.Text("layers")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

        using var geoPackage = file.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase) ? new GeoPackageFeatureSource("import", file) : null;
        IReadOnlyList<ImportInput> inputs = geoPackage is not null ? GeoPackageImportReader.Read(geoPackage, layers)
            : file.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? File.Exists(file) ? [ReadGeoJson(file)] : throw new DataSourceException($"{file}: file not found")
                : throw new UsageException($"{file}: expected a .gpkg or .geojson file");
        if (layers is { Count: > 0 } && layers.Except(inputs.Select(i => i.Schema.Name)).FirstOrDefault() is { } missing)
        {
            throw new UsageException($"{file} has no layer '{missing}'");
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await ImportAllAsync(file, importer, inputs, importOptions, cancel.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> ImportAllAsync(string file, PostGisImporter importer, IReadOnlyList<ImportInput> inputs, ImportOptions importOptions, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var progress = new SynchronousProgress(Console.Out, clock);
        foreach (var input in inputs)
        {
            try
            {
                var report = await ImportAsync(importer, input, importOptions,
                    new Progress<ImportProgress>(p => progress.Report($"{p.Table}: {p.Stage} {p.Rows:N0} rows ({p.RowsPerSecond:N0} rows/s)")), cancellationToken).ConfigureAwait(false);
                progress.Report($"{report.Table}: {report.Rows:N0} rows in {report.TotalTime.TotalSeconds:F1} s ({report.RowsPerSecond:N0} rows/s, COPY {report.CopyRowsPerSecond:N0} rows/s; {report.StageSummary}; validity: {report.Rows - report.CheckedByServer + report.DroppedAfterRepair:N0} proven by the importer, {report.CheckedByServer:N0} checked by ST_IsValid)"
                    + (report.InvalidGeometries > 0 ? $"; {report.InvalidGeometries} invalid geometries repaired (first fids {string.Join(", ", report.FirstInvalidFids)}), {report.DroppedAfterRepair} dropped" : ""));
            }
            catch (ImportRejectedException rejected)
            {
                throw new DataSourceException($"{file}: layer '{input.Schema.Name}' rejected: {rejected.Message}");
            }
            catch (Exception unreadable) when (unreadable is FormatException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
            {
                // A corrupt geometry blob or database page: the file's fault, reported as such rather than as a crash.
                throw new DataSourceException($"{file}: layer '{input.Schema.Name}' not imported, the file cannot be read: {unreadable.Message.ReplaceLineEndings(" ")}", unreadable);
            }
            catch (System.Data.Common.DbException database)
            {
                throw new DataSourceException($"PostgreSQL: layer '{input.Schema.Name}' not imported: {database.Message.ReplaceLineEndings(" ")}", database);
            }
        }

        return 0;
    }

    private static async Task<ImportLayerReport> ImportAsync(PostGisImporter importer, ImportInput input, ImportOptions options, IProgress<ImportProgress> progress, CancellationToken cancellationToken)
    {
        if (input.OpenRows is null)
        {
            return await importer.ImportAsync(input.Schema, input.Features!, options, progress, cancellationToken).ConfigureAwait(false);
        }

        using var rows = input.OpenRows(cancellationToken);
        return await importer.ImportAsync(input.Schema, rows, options, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Malformed JSON, a member of the wrong kind or a geometry NTS refuses (a ring that is not closed) is the
    /// file's fault: one line naming it, not the parser's stack trace.</summary>
    private static ImportInput ReadGeoJson(string file)
    {
        try
        {
            return GeoJsonImportReader.Read(file);
        }
        catch (Exception malformed) when (malformed is System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException
            or ArgumentException or FormatException or IndexOutOfRangeException)
        {
            throw new DataSourceException($"{file}: not a readable GeoJSON FeatureCollection: {malformed.Message.ReplaceLineEndings(" ")}", malformed);
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Npgsql refuses a malformed connection string, or one without a host, with an ArgumentException
    /// when the data source is built: that is a usage error, reported as such rather than as a crash.</summary>
    private static PostGisImporter OpenImporter(string connection)
    {
        try
        {
            return new PostGisImporter(connection);
        }
        catch (ArgumentException bad)
        {
            throw new UsageException($"not a usable Npgsql connection string (--to or {TileServerSettings.PostGisVariable}): {bad.Message}");
        }
    }

    private static T ParseEnum<T>(string option, string value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new UsageException($"--{option}: '{value}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
}

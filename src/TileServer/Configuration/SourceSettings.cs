namespace TileServer.Configuration;

/// <summary>One data source in configuration (<c>TileServer:Sources:{id}</c>).</summary>
public sealed record SourceSettings
{
    public const string GeoPackage = "geopackage";
    public const string PostGis = "postgis";

    /// <summary>"geopackage" or "postgis".</summary>
    public string Type { get; init; } = GeoPackage;

    /// <summary>GeoPackage: path of the file, relative to the project root unless absolute.</summary>
    public string Path { get; init; } = "";

    /// <summary>PostGIS: an Npgsql connection string.</summary>
    public string ConnectionString { get; init; } = "";

    /// <summary>PostGIS: the most connections the server opens.</summary>
    public int MaxPoolSize { get; init; } = 16;

    /// <summary>PostGIS: longest one statement may run, in seconds.</summary>
    public int StatementTimeoutSeconds { get; init; } = 30;

    /// <summary>PostGIS: install the change triggers that make edits invalidate cached tiles (LISTEN/NOTIFY). Off when
    /// the role may not create triggers, or a DBA installs them (docs/caching.md has the SQL).</summary>
    public bool ChangeTriggers { get; init; } = true;

    /// <summary>Generate the deterministic sample data into <see cref="Path"/> when the file is missing.</summary>
    public bool GenerateSampleIfMissing { get; init; }
}

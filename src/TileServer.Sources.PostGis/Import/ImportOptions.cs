namespace TileServer.Sources.PostGis.Import;

/// <summary>Options of <see cref="PostGisImporter"/>.</summary>
public sealed record ImportOptions
{
    public ImportMode Mode { get; init; } = ImportMode.Create;

    public InvalidGeometryHandling InvalidGeometry { get; init; } = InvalidGeometryHandling.Repair;

    /// <summary>Schema of the target tables (created when missing); lowercase ASCII name.</summary>
    public string TargetSchema { get; init; } = "public";

    /// <summary>How many invalid feature ids a report lists.</summary>
    public int ReportedInvalidIds { get; init; } = 10;
}

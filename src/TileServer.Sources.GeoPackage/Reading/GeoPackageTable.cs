namespace TileServer.Sources.GeoPackage.Reading;

using TileServer.Core.Features;

/// <summary>A feature table as found in the catalogue, with the names needed to query it. All names
/// come from the file itself (gpkg_geometry_columns, PRAGMA table_info, sqlite_master).</summary>
internal sealed record GeoPackageTable(
    SourceLayerInfo Info,
    string IdColumn,
    string? RTreeTable,
    IReadOnlyDictionary<string, FieldDefinition> FieldsByName);

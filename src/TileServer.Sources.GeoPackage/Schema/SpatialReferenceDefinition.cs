namespace TileServer.Sources.GeoPackage.Schema;

/// <summary>One row of gpkg_spatial_ref_sys (GeoPackage 1.3 §1.1.2.1.1).</summary>
internal sealed record SpatialReferenceDefinition(
    string Name,
    int SrsId,
    string Organization,
    int OrganizationCoordsysId,
    string Definition,
    string Description);

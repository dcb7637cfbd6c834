namespace TileServer.Sources.PostGis.Catalog;

using TileServer.Core.Features;

/// <summary>A published table or view as found in the catalogue. Every identifier here was read from
/// pg_catalog/geometry_columns, never from a request, and is quoted when put into SQL.</summary>
internal sealed record PostGisTable(
    SourceLayerInfo Info,
    string Schema,
    string Name,
    string? PrimaryKey,
    bool IsGeographic,
    bool HasZOrM,
    IReadOnlyDictionary<string, FieldDefinition> FieldsByName)
{
    /// <summary>The quoted, schema-qualified name for FROM clauses.</summary>
    public string QualifiedName => $"{SqlIdentifier.Quote(Schema)}.{SqlIdentifier.Quote(Name)}";

    public string QuotedGeometry => SqlIdentifier.Quote(Info.GeometryColumn);

    /// <summary>True when the table's coordinates are CGCS2000 or WGS 84 longitude/latitude, the CRS of
    /// query boxes and returned WKB (they differ by centimetres, see Core's WebMercator).</summary>
    public bool IsLonLat => Info.Srid is SpatialReferences.Cgcs2000 or SpatialReferences.Wgs84;
}

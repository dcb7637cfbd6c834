namespace TileServer.SampleData.Reference;

using NetTopologySuite.Geometries;

/// <summary>One county-level unit as read from county_boundaries.geojson (lon/lat, EPSG:4490).</summary>
public sealed record CountyBoundary(string Code, string Name, string ParentCode, string ParentName, string Province, Polygon LonLat);

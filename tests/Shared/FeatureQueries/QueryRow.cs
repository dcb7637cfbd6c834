namespace TileServer.Tests.Shared.FeatureQueries;

using NetTopologySuite.Geometries;

/// <summary>One feature of <see cref="QueryDataset"/> as the tests' own oracle sees it.</summary>
public sealed record QueryRow(long Fid, string? Mc, long? Bh, double? Mj, Polygon Geometry);

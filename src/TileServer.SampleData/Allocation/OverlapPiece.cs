namespace TileServer.SampleData.Allocation;

using NetTopologySuite.Geometries;

/// <summary>One of the deliberate overlaps between two control lines, in the GK plane.</summary>
internal sealed record OverlapPiece(string FirstLayer, string SecondLayer, Geometry Plane);

namespace TileServer.SampleData;

using TileServer.Core.Features;

/// <summary>Everything generated for one unit, in output order.</summary>
internal sealed record UnitGeneration(
    UnitSummary Summary,
    WritableFeature Boundary,
    IReadOnlyList<WritableFeature> Parcels,
    IReadOnlyDictionary<string, List<WritableFeature>> ControlLayers,
    OverlapRecord? Overlap);

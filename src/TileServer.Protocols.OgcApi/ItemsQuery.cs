namespace TileServer.Protocols.OgcApi;

using TileServer.Core.Crs;
using TileServer.Services.Features;

/// <summary>A parsed <c>/collections/{id}/items</c> request: the protocol-neutral feature request and the page
/// and CRS the response reports.</summary>
public sealed record ItemsQuery(FeatureRequest Request, CrsReference Crs, int Limit, long Offset);

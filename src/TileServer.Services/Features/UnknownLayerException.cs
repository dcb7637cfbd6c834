namespace TileServer.Services.Features;

/// <summary>A request named a layer (feature type, collection) that is not published; adapters answer 404
/// or their protocol's equivalent (WFS: InvalidParameterValue on typeNames).</summary>
public sealed class UnknownLayerException(string layerId) : Exception($"no published layer '{layerId}'")
{
    public string LayerId { get; } = layerId;
}

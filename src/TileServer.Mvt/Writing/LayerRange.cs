namespace TileServer.Mvt.Writing;

/// <summary>
/// Where one finished layer lives: its head (tag, length, name, version, extent, keys, values) in the head
/// buffer and its features in the feature buffer. Output concatenates the two, so features are never re-copied.
/// </summary>
internal readonly record struct LayerRange(int HeadStart, int HeadLength, int FeaturesStart, int FeaturesLength);

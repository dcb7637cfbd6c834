namespace TileServer.Styling;

/// <summary>Read access to one feature's attributes as text. Implement it on a struct over the renderer's
/// own feature record: <see cref="StylePainter"/> takes it as a generic argument, so no boxing or
/// allocation happens per feature.</summary>
public interface IAttributeSource
{
    /// <summary>The attribute's value as text, or null when the feature lacks it.</summary>
    string? GetValue(string field);
}

namespace TileServer.Rendering;

/// <summary>A solid colour plus a global opacity multiplier applied to one draw call.</summary>
/// <param name="Color">Straight (non-premultiplied) colour.</param>
/// <param name="Opacity">Multiplies the colour's alpha; clamped to [0, 1] when drawing.</param>
public readonly record struct Paint(Rgba Color, float Opacity = 1f)
{
    /// <summary>Effective alpha in [0, 1]: colour alpha × opacity.</summary>
    internal float EffectiveAlpha => Math.Clamp(Color.A / 255f * Opacity, 0f, 1f);
}

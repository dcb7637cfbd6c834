namespace TileServer.Rendering;

/// <summary>How the winding number of a point decides whether it is inside (SVG 1.1 §11.3 'fill-rule').</summary>
public enum FillRule
{
    /// <summary>Inside when the winding number is not zero.</summary>
    NonZero,

    /// <summary>Inside when the winding number is odd.</summary>
    EvenOdd,
}

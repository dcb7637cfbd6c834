namespace TileServer.Rendering;

/// <summary>Shape drawn at the outer side of a corner of a stroked path (SVG 1.1 §11.4 'stroke-linejoin').</summary>
public enum LineJoin
{
    /// <summary>Extends the outer edges to their intersection, falling back to bevel beyond the miter limit.</summary>
    Miter,

    /// <summary>A circular arc of radius width/2 centred on the vertex.</summary>
    Round,

    /// <summary>Cuts the corner with a straight line between the two outer offset points.</summary>
    Bevel,
}

namespace TileServer.Rendering;

/// <summary>Shape drawn at the ends of open subpaths and dashes (SVG 1.1 §11.4 'stroke-linecap').</summary>
public enum LineCap
{
    /// <summary>The stroke ends exactly at the endpoint.</summary>
    Butt,

    /// <summary>A half disc of radius width/2 beyond the endpoint.</summary>
    Round,

    /// <summary>A half square extending width/2 beyond the endpoint.</summary>
    Square,
}

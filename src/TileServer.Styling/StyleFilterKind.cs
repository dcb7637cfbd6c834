namespace TileServer.Styling;

/// <summary>How a rule's filter tests its one attribute.</summary>
public enum StyleFilterKind
{
    /// <summary>No test: every feature of the source layer matches.</summary>
    Always,

    /// <summary>The attribute equals one value.</summary>
    Equals,

    /// <summary>The attribute equals one of several values.</summary>
    In,

    /// <summary>The attribute starts with a value (e.g. a level-1 land-use code "01").</summary>
    Prefix,
}

namespace TileServer.Core.Crs;

using TileServer.Core.Tiling;

/// <summary>A CRS as a client named it: the definition, the form used, and so the axis order of the
/// coordinates exchanged with that client. Only the URN and URI forms follow the authority's axis order
/// (WFS 2.0 §7.9.2.4.4 via OGC 07-092r3; OGC API – Features Part 2 §6.2); the short "EPSG:n" form keeps
/// the easting/longitude-first order that desktop clients send with it.</summary>
public sealed record CrsReference(CoordinateReferenceSystem Crs, CrsForm Form)
{
    public CrsAxisOrder AxisOrder => Form == CrsForm.Short ? CrsAxisOrder.EastNorth : Crs.AuthorityAxisOrder;

    /// <summary>True when coordinates must be swapped relative to the internal east/north order.</summary>
    public bool SwapsAxes => AxisOrder == CrsAxisOrder.NorthEast;

    /// <summary>The name written back to the client, in the form it used.</summary>
    public string Name => Form switch
    {
        CrsForm.Urn => Crs.Urn,
        CrsForm.Uri => Crs.Uri,
        _ => Crs.ShortForm,
    };
}

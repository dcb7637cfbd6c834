namespace TileServer.Services.Raster;

using TileServer.Styling;

/// <summary>
/// The symbol resolved for each distinct text of a style's single field, within one layer of one tile. The
/// GeoPackage scan hands out one string instance per distinct text (its interner), so a repeat is found by
/// reference, which is cheaper than <see cref="StylePainter.Resolve{TAttributes}"/>'s string probes (a dense
/// z12 tile has 5,580 rows and 39 distinct land-use codes). Sources that hand out fresh strings simply miss.
/// Only strings are remembered, and at most <see cref="Capacity"/> of them, so a column of unique values
/// costs a bounded table.
/// </summary>
internal sealed class ResolvedSymbolMemo
{
    private const int Capacity = 1024;

    private readonly Dictionary<string, ResolvedSymbol?> byValue = new(ReferenceEqualityComparer.Instance);
    private ResolvedSymbol? forNull;
    private bool hasNull;

    /// <summary>Forgets every symbol: the next layer or tile may have another style or zoom.</summary>
    public void Clear()
    {
        if (byValue.Count > 0)
        {
            byValue.Clear();
        }

        hasNull = false;
        forNull = null;
    }

    /// <summary>The symbol remembered for this value, if any; values other than strings and null are never remembered.</summary>
    public bool TryGet(object? value, out ResolvedSymbol? symbol)
    {
        if (value is null)
        {
            symbol = forNull;
            return hasNull;
        }

        symbol = null;
        return value is string text && byValue.TryGetValue(text, out symbol);
    }

    public void Remember(object? value, ResolvedSymbol? symbol)
    {
        if (value is null)
        {
            forNull = symbol;
            hasNull = true;
        }
        else if (value is string text && byValue.Count < Capacity)
        {
            byValue[text] = symbol;
        }
    }
}

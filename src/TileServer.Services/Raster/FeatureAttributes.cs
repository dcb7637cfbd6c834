namespace TileServer.Services.Raster;

using System.Globalization;
using TileServer.Styling;

/// <summary>A feature's values as the style sees them: a struct over the query's field names and the
/// record's values, so resolving a symbol allocates nothing for text columns (the styled fields are codes).</summary>
internal readonly struct FeatureAttributes(string[] names, object?[] values) : IAttributeSource
{
    public string? GetValue(string field)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], field, StringComparison.Ordinal))
            {
                return values[i] switch
                {
                    null => null,
                    string s => s,
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture),
                };
            }
        }

        return null;
    }
}

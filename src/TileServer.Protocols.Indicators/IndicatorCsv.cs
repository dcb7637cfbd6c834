namespace TileServer.Protocols.Indicators;

using System.Globalization;
using System.Text;
using TileServer.Services.Planning;

/// <summary>The indicators as CSV (RFC 4180: CRLF lines, fields quoted when they hold a comma, quote or line
/// break), one row per unit and indicator. The caller writes it as UTF-8 with a byte-order mark, which is
/// what makes Excel read the Chinese names correctly.</summary>
public static class IndicatorCsv
{
    private static readonly string[] Header =
        ["xzqdm", "xzqmc", "indicator", "name_zh", "name_en", "unit", "value", "value_km2", "value_wanmu", "target", "bound", "status", "margin", "margin_percent", "crs", "area_method"];

    public static string Write(IndicatorReport report, IEnumerable<UnitIndicators> units)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(units);
        var text = new StringBuilder();
        Row(text, Header);
        foreach (var unit in units)
        {
            foreach (var i in unit.Indicators)
            {
                Row(text,
                [
                    unit.Xzqdm, unit.Xzqmc, i.Id, i.NameZh, i.NameEn, i.Unit, Number(i.Value), Number(i.ValueKm2), Number(i.ValueWanmu),
                    Number(i.Target), i.Bound ?? "", i.Status, Number(i.Margin), Number(i.MarginPercent), string.Join(' ', unit.Crs), report.AreaMethod,
                ]);
            }
        }

        return text.ToString();
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static void Row(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            string field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }

        text.Append("\r\n");
    }
}

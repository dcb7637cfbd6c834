namespace TileServer.Protocols.OgcApi;

using System.Globalization;
using System.Text.RegularExpressions;
using TileServer.Core.Errors;

/// <summary>Checks the <c>datetime</c> parameter of Part 1 §7.15.5 (/req/core/fc-time-definition): an RFC 3339 full-date
/// or date-time (with its offset, RFC 3339 §5.6), or an interval of two of them separated by '/', where one end (not
/// both) may be open, written ".." or, since the 1.0.1 corrigendum, as an empty string. A closed interval must not end
/// before it starts. The layers have no temporal property, so a valid value does not narrow the result.</summary>
public static partial class DatetimeParameter
{
    public const string Name = "datetime";

    public static void Validate(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return;
        string[] parts = text.Split('/');
        if (parts.Length == 1)
        {
            _ = Instant(parts[0]);
            return;
        }

        if (parts.Length != 2)
            throw new InvalidParameterException(Name, $"'{text}' is neither an instant nor an interval start/end");
        bool openStart = parts[0] is "" or "..", openEnd = parts[1] is "" or "..";
        if (openStart && openEnd)
            throw new InvalidParameterException(Name, $"'{text}': an interval may be open at one end only");
        DateTimeOffset? start = openStart ? null : Instant(parts[0]);
        DateTimeOffset? end = openEnd ? null : Instant(parts[1]);
        if (start > end)
            throw new InvalidParameterException(Name, $"'{text}': the interval ends before it starts");
    }

    /// <summary>A full-date is read as the start of that day in UTC, for the order check only.</summary>
    private static DateTimeOffset Instant(string text)
    {
        if (!Rfc3339().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            throw new InvalidParameterException(Name, $"'{text}' is not an RFC 3339 date (2020-01-31) or date-time (2020-01-31T08:00:00Z)");
        return instant;
    }

    // RFC 3339 §5.6 full-date [ "T" full-time ], full-time = partial-time time-offset; 'T' and 'Z' in either case.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}

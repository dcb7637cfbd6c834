namespace TileServer.Protocols.OgcApi.Cql2;

using System.Globalization;
using TileServer.Core.Errors;

/// <summary>Builds the 400 errors of the filter parameter (Part 3 /req/filter/filter-param: an invalid filter is a
/// client error), always naming the character position where parsing failed.</summary>
internal static class Cql2SyntaxError
{
    public const string Parameter = "filter";

    public static InvalidParameterException At(int position, string message) =>
        new(Parameter, string.Create(CultureInfo.InvariantCulture, $"CQL2 filter, at character {position}: {message}"));

    public static InvalidParameterException At(Cql2Token token, string message) => At(token.Position, message);
}

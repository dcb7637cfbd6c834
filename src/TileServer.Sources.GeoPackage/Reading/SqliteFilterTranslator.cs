namespace TileServer.Sources.GeoPackage.Reading;

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TileServer.Core.Errors;
using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;
using TileServer.Sources.GeoPackage.Schema;

/// <summary>Translates a filter tree into an SQLite boolean expression over the feature table aliased
/// <c>t</c>. Every literal becomes a parameter (@f0, @f1, …); property names are looked up in the table's
/// catalogue and the catalogue's spelling is quoted, so a request can neither name a column the table does
/// not have nor inject SQL through a name or a value.</summary>
internal sealed class SqliteFilterTranslator(GeoPackageTable table) : IFeatureFilterVisitor<string>
{
    /// <summary>Text kept as UTF-8 rather than \u escapes (only double quotes, backslashes and controls are escaped):
    /// json_each reads either, and the parameter stays readable in logs.</summary>
    private static readonly JsonSerializerOptions ListJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<KeyValuePair<string, object>> parameters = [];

    public IReadOnlyList<KeyValuePair<string, object>> Parameters => parameters;

    public string Visit(ComparisonFilter filter)
    {
        var field = Field(filter.Field);
        var op = filter.Operator switch
        {
            ComparisonOperator.Equal => "=",
            ComparisonOperator.NotEqual => "<>",
            ComparisonOperator.Less => "<",
            ComparisonOperator.Greater => ">",
            ComparisonOperator.LessOrEqual => "<=",
            ComparisonOperator.GreaterOrEqual => ">=",
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Operator, "unknown comparison operator"),
        };

        // FES 2.0 §7.7.3.2 matchCase=false: both sides folded the same way (see QueryFunctions.ts_lower).
        if (!filter.MatchCase && filter.Value.Type == FieldType.Text)
            return $"ts_lower({Column(field)}) {op} {Add(filter.Value.Text!.ToLowerInvariant())}";
        return $"{Column(field)} {op} {Add(filter.Value.Boxed)}";
    }

    /// <summary>PropertyIsLike as GLOB, SQLite's case-sensitive matcher with no escape clause: its
    /// metacharacters * ? [ are made literal by bracketing them ([*], [?], [[]). matchCase=false folds the
    /// column and the pattern's literal text with ts_lower (LIKE would fold ASCII only).</summary>
    public string Visit(LikeFilter filter)
    {
        var field = Field(filter.Field);
        Func<string, string> literal = filter.MatchCase ? EscapeGlob : text => EscapeGlob(text.ToLowerInvariant());
        var pattern = LikePattern.Rewrite(filter, literal, "*", "?");
        var column = filter.MatchCase ? Column(field) : $"ts_lower({Column(field)})";
        return $"{column} GLOB {Add(pattern)}";
    }

    public string Visit(NullFilter filter) => $"{Column(Field(filter.Field))} IS NULL";

    public string Visit(BetweenFilter filter)
    {
        var column = Column(Field(filter.Field));
        return $"{column} BETWEEN {Add(filter.Lower.Boxed)} AND {Add(filter.Upper.Boxed)}";
    }

    /// <summary>Text and integer lists travel as one JSON array parameter read by json_each, like resource ids: one
    /// statement text whatever the length, and no per-value parameter to look up by name. Reals are bound value by
    /// value instead, so no double goes through SQLite's text-to-number conversion. Either way the listed values have no
    /// affinity, so each compares as in <c>column = value</c> (SQLite's datatype rules §4.2), NULL included.
    /// matchCase=false folds both sides as <see cref="Visit(ComparisonFilter)"/> does.</summary>
    public string Visit(InFilter filter)
    {
        var field = Field(filter.Field);
        var type = filter.Values[0].Type;
        var fold = !filter.MatchCase && type == FieldType.Text;
        var column = fold ? $"ts_lower({Column(field)})" : Column(field);
        if (type == FieldType.Real)
        {
            var list = new StringBuilder($"{column} IN (");
            for (var i = 0; i < filter.Values.Count; i++)
                list.Append(i == 0 ? "" : ", ").Append(Add(filter.Values[i].Real));
            return list.Append(')').ToString();
        }

        var json = type == FieldType.Integer
            ? JsonSerializer.Serialize(filter.Values.Select(v => v.Integer))
            : JsonSerializer.Serialize(filter.Values.Select(v => fold ? v.Text!.ToLowerInvariant() : v.Text!), ListJson);
        return $"{column} IN (SELECT value FROM json_each({Add(json)}))";
    }

    public string Visit(AndFilter filter) => Join(filter.Operands, " AND ");

    public string Visit(OrFilter filter) => Join(filter.Operands, " OR ");

    public string Visit(NotFilter filter) => $"NOT ({filter.Operand.Accept(this)})";

    /// <summary>ResourceId against the integer primary key. The ids travel as one JSON array parameter read
    /// by json_each, so the statement text does not depend on how many ids there are.</summary>
    public string Visit(IdFilter filter)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < filter.Fids.Count; i++)
            json.Append(i == 0 ? "" : ",").Append(filter.Fids[i].ToString(CultureInfo.InvariantCulture));
        json.Append(']');
        return $"t.{SqlIdentifier.Quote(table.IdColumn)} IN (SELECT value FROM json_each({Add(json.ToString())}))";
    }

    /// <summary>The R-tree narrows the candidates to envelopes meeting the operand's envelope (GeoPackage 1.3
    /// Annex F.3), then ts_spatial decides exactly. Within needs containment, but "meets" is a correct and
    /// simpler prefilter: the R-tree boxes are rounded outwards, so a stricter test could lose edge rows.</summary>
    public string Visit(SpatialFilter filter)
    {
        var exact = $"ts_spatial(t.{SqlIdentifier.Quote(table.Info.GeometryColumn)}, {Add(filter.Wkb.ToArray())}, {(long)filter.Operator})";
        if (table.RTreeTable is not { } rtree)
            return exact;
        var e = filter.Envelope;
        return $"(t.{SqlIdentifier.Quote(table.IdColumn)} IN (SELECT id FROM {SqlIdentifier.Quote(rtree)} " +
               $"WHERE maxx >= {Add(e.MinX)} AND minx <= {Add(e.MaxX)} AND maxy >= {Add(e.MinY)} AND miny <= {Add(e.MaxY)}) AND {exact})";
    }

    /// <summary>The catalogue's definition of a property named in a request.</summary>
    public FieldDefinition Field(string name) => table.FieldsByName.TryGetValue(name, out var field)
        ? field
        : throw new InvalidParameterException("filter", $"table {table.Info.Table} has no property '{name}'");

    public static string Column(FieldDefinition field) => "t." + SqlIdentifier.Quote(field.Name);

    /// <summary>Binds a value and returns its placeholder.</summary>
    public string Add(object value)
    {
        var name = "@f" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameters.Add(new(name, value));
        return name;
    }

    private string Join(IReadOnlyList<FeatureFilter> operands, string separator)
    {
        var sql = new StringBuilder("(");
        for (var i = 0; i < operands.Count; i++)
            sql.Append(i == 0 ? "" : separator).Append(operands[i].Accept(this));
        return sql.Append(')').ToString();
    }

    private static string EscapeGlob(string text)
    {
        var escaped = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '[')
                escaped.Append('[').Append(c).Append(']');
            else
                escaped.Append(c);
        }

        return escaped.ToString();
    }
}

namespace TileServer.Sources.PostGis.Querying;

using System.Globalization;
using System.Text;
using Npgsql;
using TileServer.Core.Errors;
using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;
using TileServer.Sources.PostGis.Catalog;

/// <summary>Translates a filter tree into a PostgreSQL boolean expression. Every literal is a typed Npgsql
/// parameter (@p0, @p1, … sent as $n), so the statement text depends only on the filter's shape and can be
/// prepared; property names are looked up in the catalogue and the catalogue's spelling is quoted.
/// Text compares and sorts in the "C" collation (code point order) so that PostgreSQL answers like SQLite,
/// whatever the database's locale.</summary>
internal sealed class PostgresFilterTranslator(PostGisTable table) : IFeatureFilterVisitor<string>
{
    private readonly List<NpgsqlParameter> parameters = [];

    public IReadOnlyList<NpgsqlParameter> Parameters => parameters;

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

        // FES 2.0 §7.7.3.2 matchCase=false: both sides through lower(), which folds per the database's ctype.
        if (!filter.MatchCase && field.Type == FieldType.Text)
            return $"lower({Quoted(field)}::text) COLLATE \"C\" {op} lower({Add(filter.Value)})";
        return $"{Comparable(field)} {op} {Add(filter.Value)}";
    }

    /// <summary>PropertyIsLike as LIKE (matchCase) or ILIKE with an explicit ESCAPE '\': the pattern's literal
    /// text has %, _ and \ escaped, FES wildcards become % and _. Non-text fields match their text form.</summary>
    public string Visit(LikeFilter filter)
    {
        var field = Field(filter.Field);
        var pattern = LikePattern.Rewrite(filter, EscapeLike, "%", "_");
        return $"{Quoted(field)}::text {(filter.MatchCase ? "LIKE" : "ILIKE")} {Add(pattern)} ESCAPE '\\'";
    }

    public string Visit(NullFilter filter) => $"{Quoted(Field(filter.Field))} IS NULL";

    public string Visit(BetweenFilter filter)
    {
        var field = Field(filter.Field);
        return $"{Comparable(field)} BETWEEN {Add(filter.Lower)} AND {Add(filter.Upper)}";
    }

    /// <summary>= ANY of one typed array parameter (bigint[], double precision[] or text[]): one statement text
    /// whatever the list's length, and NULL semantics as for an OR of equalities. matchCase=false folds the column
    /// and every listed value with lower(), as <see cref="Visit(ComparisonFilter)"/> does.</summary>
    public string Visit(InFilter filter)
    {
        var field = Field(filter.Field);
        var values = filter.Values;
        var array = values[0].Type switch
        {
            FieldType.Integer => Add(values.Select(v => v.Integer).ToArray()),
            FieldType.Real => Add(values.Select(v => v.Real).ToArray()),
            _ => Add(values.Select(v => v.Text!).ToArray()),
        };
        if (!filter.MatchCase && field.Type == FieldType.Text)
            return $"lower({Quoted(field)}::text) COLLATE \"C\" = ANY(ARRAY(SELECT lower(v) FROM unnest({array}) AS v))";
        return $"{Comparable(field)} = ANY({array})";
    }

    public string Visit(AndFilter filter) => Join(filter.Operands, " AND ");

    public string Visit(OrFilter filter) => Join(filter.Operands, " OR ");

    public string Visit(NotFilter filter) => $"NOT ({filter.Operand.Accept(this)})";

    /// <summary>ResourceId against the row id, as one bigint[] parameter: = ANY keeps one statement text for
    /// any number of ids.</summary>
    public string Visit(IdFilter filter) => $"{FeatureQuerySql.RowId(table)} = ANY({Add(filter.Fids.ToArray())})";

    /// <summary>The GiST index answers &amp;&amp; against the operand's envelope, then ST_Intersects / ST_Within
    /// decide exactly (FES 2.0 §7.8). The operand arrives as lon/lat WKB; tables in a projected SRID get it
    /// transformed. Geography columns are compared as geometry (ST_Within has no geography form).</summary>
    public string Visit(SpatialFilter filter)
    {
        var e = filter.Envelope;
        var envelope = FeatureQuerySql.Envelope(table, Add(e.MinX), Add(e.MinY), Add(e.MaxX), Add(e.MaxY));
        var wkb = Add(filter.Wkb.ToArray());
        var operand = table.IsLonLat
            ? $"ST_GeomFromWKB({wkb}, {table.Info.Srid})"
            : $"ST_Transform(ST_GeomFromWKB({wkb}, {SpatialReferences.Cgcs2000}), {table.Info.Srid})";
        var geometry = table.IsGeographic ? $"{table.QuotedGeometry}::geometry" : table.QuotedGeometry;
        var predicate = filter.Operator switch
        {
            SpatialOperator.BBox or SpatialOperator.Intersects => "ST_Intersects",
            SpatialOperator.Within => "ST_Within",
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Operator, "unknown spatial operator"),
        };
        return $"({table.QuotedGeometry} && {envelope} AND {predicate}({geometry}, {operand}))";
    }

    /// <summary>The catalogue's definition of a property named in a request.</summary>
    public FieldDefinition Field(string name, string parameter = "filter") => table.FieldsByName.TryGetValue(name, out var field)
        ? field
        : throw new InvalidParameterException(parameter, $"table {table.Info.Table} has no property '{name}'");

    /// <summary>The column as compared and sorted: text in code point order.</summary>
    public static string Comparable(FieldDefinition field) =>
        field.Type == FieldType.Text ? $"{Quoted(field)}::text COLLATE \"C\"" : Quoted(field);

    public string Add(FilterValue value) => value.Type switch
    {
        FieldType.Integer => Add(value.Integer),
        FieldType.Real => Add(value.Real),
        _ => Add(value.Text!),
    };

    /// <summary>Binds a value with the parameter type of its CLR type and returns its placeholder.</summary>
    public string Add<T>(T value)
    {
        var name = "p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameters.Add(new NpgsqlParameter<T>(name, value));
        return "@" + name;
    }

    private static string Quoted(FieldDefinition field) => SqlIdentifier.Quote(field.Name);

    private string Join(IReadOnlyList<FeatureFilter> operands, string separator)
    {
        var sql = new StringBuilder("(");
        for (var i = 0; i < operands.Count; i++)
            sql.Append(i == 0 ? "" : separator).Append(operands[i].Accept(this));
        return sql.Append(')').ToString();
    }

    private static string EscapeLike(string text)
    {
        var escaped = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\')
                escaped.Append('\\');
            escaped.Append(c);
        }

        return escaped.ToString();
    }
}

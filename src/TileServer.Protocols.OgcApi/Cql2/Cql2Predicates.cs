namespace TileServer.Protocols.OgcApi.Cql2;

using System.Globalization;
using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;

/// <summary>Builds the scalar predicates of CQL2 (21-065r2 §6 comparisons and IS NULL, §7 LIKE, BETWEEN, IN) from
/// operands, typing each literal by the property it meets. A number may be compared with a string property (it is
/// taken as written, as the equality query parameters do) and a string with a number property when it reads as one;
/// booleans, property-property comparisons and LIKE on numbers are refused. Two literals are folded to a constant.</summary>
internal sealed class Cql2Predicates(Cql2TokenCursor cursor, Func<Cql2Operand> operand)
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "LIKE", "ILIKE", "BETWEEN", "IN", "IS", "NULL",
    };

    public static bool IsKeyword(Cql2Token token) => token.Kind == Cql2TokenKind.Word && Keywords.Contains(token.Text);

    public static string TypeName(FieldType type) => type switch { FieldType.Integer => "an integer", FieldType.Real => "a number", _ => "a string" };

    public Cql2Condition Predicate(Cql2Operand left)
    {
        var token = cursor.Current;
        if (token.Kind == Cql2TokenKind.Comparison)
        {
            cursor.Next();
            return Comparison(left, token, operand());
        }

        if (cursor.TryWord("IS"))
        {
            bool negated = cursor.TryWord("NOT");
            cursor.ExpectWord("NULL");
            var field = Property(left, "IS NULL");
            var isNull = Cql2Condition.Of(new NullFilter(field.Name));
            return negated ? isNull.Negate() : isNull;
        }

        bool not = cursor.TryWord("NOT");
        Cql2Condition result;
        if (cursor.TryWord("LIKE"))
            result = Like(left, caseInsensitive: false);
        else if (cursor.TryWord("ILIKE"))
            result = Like(left, caseInsensitive: true);
        else if (cursor.TryWord("BETWEEN"))
            result = Between(left);
        else if (cursor.TryWord("IN"))
            result = In(left);
        else
            throw Cql2SyntaxError.At(cursor.Current, $"expected a comparison operator, LIKE, BETWEEN, IN or IS after {left.Token.Describe()}, found {cursor.Current.Describe()}"
                + (cursor.Current.Kind == Cql2TokenKind.Symbol ? " (arithmetic is not supported)" : ""));
        return not ? result.Negate() : result;
    }

    private Cql2Condition Comparison(Cql2Operand left, Cql2Token opToken, Cql2Operand right)
    {
        var op = opToken.Text switch
        {
            "=" => ComparisonOperator.Equal,
            "<>" => ComparisonOperator.NotEqual,
            "<" => ComparisonOperator.Less,
            "<=" => ComparisonOperator.LessOrEqual,
            ">" => ComparisonOperator.Greater,
            ">=" => ComparisonOperator.GreaterOrEqual,
            _ => throw Cql2SyntaxError.At(opToken, $"'{opToken.Text}' is not a comparison operator"),
        };
        if (left.IsProperty && right.IsProperty)
            throw Cql2SyntaxError.At(right.Token, "comparisons between two properties are not supported (property-property conformance class)");
        if (!left.IsProperty && !right.IsProperty)
            return Constant(left, op, right);
        // literal op property reads as property (mirrored op) literal.
        var (property, literal) = left.IsProperty ? (left, right) : (right, left);
        if (!left.IsProperty)
            op = Mirror(op);
        bool matchCase = CaseSensitivity(property, literal);
        return Cql2Condition.Of(new ComparisonFilter(property.Field!.Name, op, Value(property.Field, literal), matchCase));
    }

    /// <summary>LIKE; ILIKE, a case-insensitive LIKE from the pre-release CQL drafts that GDAL 3.6 still writes for
    /// OGR SQL's ILIKE, is read as CASEI(property) LIKE pattern.</summary>
    private Cql2Condition Like(Cql2Operand left, bool caseInsensitive)
    {
        var field = Property(left, "LIKE");
        if (field.Type != FieldType.Text)
            throw Cql2SyntaxError.At(left.Token, $"LIKE needs a string property, but '{field.Name}' is {TypeName(field.Type)}");
        var pattern = operand();
        if (pattern.IsProperty || pattern.Literal != Cql2LiteralKind.String)
            throw Cql2SyntaxError.At(pattern.Token, "LIKE needs a character literal pattern");
        int trailing = pattern.Text.Length - pattern.Text.TrimEnd('\\').Length;
        if (trailing % 2 == 1)
            throw Cql2SyntaxError.At(pattern.Token, "the LIKE pattern ends with the escape character '\\'");
        // 21-065r2 §7: '%' matches any run of characters, '_' exactly one, '\' escapes either.
        bool matchCase = CaseSensitivity(left, pattern) && !caseInsensitive;
        return Cql2Condition.Of(new LikeFilter(field.Name, pattern.Text, '%', '_', '\\', matchCase));
    }

    private Cql2Condition Between(Cql2Operand left)
    {
        var field = Property(left, "BETWEEN");
        if (left.CaseInsensitive)
            throw Cql2SyntaxError.At(left.Token, "CASEI is not supported with BETWEEN");
        var lower = Literal(operand(), "BETWEEN");
        cursor.ExpectWord("AND");
        var upper = Literal(operand(), "BETWEEN");
        return Cql2Condition.Of(new BetweenFilter(field.Name, Value(field, lower), Value(field, upper)));
    }

    private Cql2Condition In(Cql2Operand left)
    {
        var field = Property(left, "IN");
        cursor.Expect(Cql2TokenKind.LeftParen, "'(' opening the IN list");
        var values = new List<FilterValue>();
        var matchCase = !left.CaseInsensitive;
        do
        {
            var item = Literal(operand(), "IN");
            _ = CaseSensitivity(left, item); // Refuses CASEI on a listed literal without CASEI on the property.
            values.Add(Value(field, item));
        }
        while (cursor.TryKind(Cql2TokenKind.Comma));
        cursor.Expect(Cql2TokenKind.RightParen, "')' or ',' in the IN list");
        return Cql2Condition.Of(values.Count == 1
            ? new ComparisonFilter(field.Name, ComparisonOperator.Equal, values[0], matchCase)
            : new InFilter(field.Name, values, matchCase));
    }

    private static FieldDefinition Property(Cql2Operand operand, string what) =>
        operand.Field ?? throw Cql2SyntaxError.At(operand.Token, $"{what} needs a property on its left, found {operand.Token.Describe()}");

    private static Cql2Operand Literal(Cql2Operand operand, string what) =>
        operand.IsProperty ? throw Cql2SyntaxError.At(operand.Token, $"{what} takes literals, not the property {operand.Text}") : operand;

    /// <summary>CASEI on the property folds case on both sides; CASEI on the literal alone would compare a folded
    /// literal with an unfolded property, which the filter model cannot say.</summary>
    private static bool CaseSensitivity(Cql2Operand property, Cql2Operand literal)
    {
        if (literal.CaseInsensitive && !property.CaseInsensitive)
            throw Cql2SyntaxError.At(property.Token, $"wrap the property in CASEI too: CASEI({property.Text})");
        return !property.CaseInsensitive;
    }

    private static FilterValue Value(FieldDefinition field, Cql2Operand literal)
    {
        if (literal.Literal == Cql2LiteralKind.Boolean)
            throw Cql2SyntaxError.At(literal.Token, $"'{field.Name}' is {TypeName(field.Type)}, not a boolean");
        if (field.Type == FieldType.Text)
            return FilterValue.OfText(literal.Text);
        return FilterValue.Parse(literal.Text, field.Type)
            ?? throw Cql2SyntaxError.At(literal.Token, $"{literal.Token.Describe()} is not {TypeName(field.Type)}, the type of '{field.Name}'");
    }

    private static ComparisonOperator Mirror(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => ComparisonOperator.Greater,
        ComparisonOperator.Greater => ComparisonOperator.Less,
        ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
        _ => op,
    };

    /// <summary>Two literals (e.g. "1=1", which clients send for "everything"): decided here, as the result
    /// does not depend on any feature.</summary>
    private static Cql2Condition Constant(Cql2Operand left, ComparisonOperator op, Cql2Operand right)
    {
        if (left.Literal != right.Literal)
            throw Cql2SyntaxError.At(right.Token, $"cannot compare {left.Token.Describe()} with {right.Token.Describe()}: they have different types");
        int order;
        if (left.Literal == Cql2LiteralKind.Number)
            order = double.Parse(left.Text, NumberStyles.Float, CultureInfo.InvariantCulture).CompareTo(double.Parse(right.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
        else if (left.Literal == Cql2LiteralKind.String)
            order = string.Compare(left.Text, right.Text, left.CaseInsensitive || right.CaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        else if (op is ComparisonOperator.Equal or ComparisonOperator.NotEqual)
            order = string.Equals(left.Text, right.Text, StringComparison.OrdinalIgnoreCase) ? 0 : 1;
        else
            throw Cql2SyntaxError.At(right.Token, "booleans can only be compared with = and <>");
        bool holds = op switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.NotEqual => order != 0,
            ComparisonOperator.Less => order < 0,
            ComparisonOperator.LessOrEqual => order <= 0,
            ComparisonOperator.Greater => order > 0,
            _ => order >= 0,
        };
        return holds ? Cql2Condition.True : Cql2Condition.False;
    }
}

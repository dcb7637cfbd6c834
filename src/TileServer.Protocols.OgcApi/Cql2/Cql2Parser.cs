namespace TileServer.Protocols.OgcApi.Cql2;

using TileServer.Core.Crs;
using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Layers;

/// <summary>Parses a CQL2 text filter (OGC 21-065r2, Annex A) into the Core filter tree, typed against the
/// layer's exposed fields, by recursive descent with the BNF's precedence: OR binds loosest, then AND, then NOT.
/// Supported: Basic CQL2 (comparisons, IS [NOT] NULL, AND/OR/NOT, TRUE/FALSE), the advanced comparison operators
/// (LIKE, BETWEEN, IN), CASEI on = &lt;&gt; LIKE IN, and S_INTERSECTS/S_DISJOINT/S_WITHIN/S_CONTAINS where the geometry
/// property lies within the literal. Everything else is a 400 naming the character where parsing stopped.</summary>
public sealed class Cql2Parser
{
    private readonly PublishedLayer layer;
    private readonly CrsReference filterCrs;
    private readonly Cql2TokenCursor cursor;
    private readonly Cql2Predicates predicates;

    private Cql2Parser(string text, PublishedLayer layer, CrsReference filterCrs)
    {
        this.layer = layer;
        this.filterCrs = filterCrs;
        cursor = new Cql2TokenCursor(Cql2Lexer.Tokenize(text));
        predicates = new Cql2Predicates(cursor, Operand);
    }

    /// <summary>The filter for the source, or null when the expression is always true. An always-false
    /// expression becomes a contradiction on one field (it IS NULL and IS NOT NULL), so nothing matches.</summary>
    public static FeatureFilter? Parse(string text, PublishedLayer layer, CrsReference filterCrs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(filterCrs);
        if (string.IsNullOrWhiteSpace(text))
            throw Cql2SyntaxError.At(1, "the filter is empty");
        var condition = new Cql2Parser(text, layer, filterCrs).ParseAll();
        if (!condition.IsConstant)
            return condition.Filter;
        if (condition.Constant)
            return null;
        var field = layer.ExposedFields.FirstOrDefault()
            ?? throw Cql2SyntaxError.At(1, "the filter is always false and the collection has no property to express that");
        return new AndFilter([new NullFilter(field.Name), new NotFilter(new NullFilter(field.Name))]);
    }

    private Cql2Condition ParseAll()
    {
        var condition = Or();
        if (cursor.Current.Kind != Cql2TokenKind.End)
            throw Cql2SyntaxError.At(cursor.Current, $"expected AND, OR or the end of the filter, found {cursor.Current.Describe()}");
        return condition;
    }

    private Cql2Condition Or()
    {
        var operands = new List<Cql2Condition> { And() };
        while (cursor.TryWord("OR"))
            operands.Add(And());
        return operands.Count == 1 ? operands[0] : Cql2Condition.Or(operands);
    }

    private Cql2Condition And()
    {
        var operands = new List<Cql2Condition> { Not() };
        while (cursor.TryWord("AND"))
            operands.Add(Not());
        return operands.Count == 1 ? operands[0] : Cql2Condition.And(operands);
    }

    private Cql2Condition Not()
    {
        var token = cursor.Current;
        if (!cursor.TryWord("NOT"))
            return Primary();
        cursor.Descend(token);
        var negated = Not().Negate();
        cursor.Ascend();
        return negated;
    }

    private Cql2Condition Primary()
    {
        var token = cursor.Current;
        if (cursor.TryKind(Cql2TokenKind.LeftParen))
        {
            cursor.Descend(token);
            var inner = Or();
            cursor.Expect(Cql2TokenKind.RightParen, "')'");
            cursor.Ascend();
            return inner;
        }

        bool call = token.Kind == Cql2TokenKind.Word && cursor.PeekNext.Kind == Cql2TokenKind.LeftParen;
        if (call && token.Text.StartsWith("S_", StringComparison.OrdinalIgnoreCase))
            return Spatial();
        if (token.Kind == Cql2TokenKind.Word && !call && (token.IsWord("TRUE") || token.IsWord("FALSE"))
            && !IsPredicateKeyword(cursor.PeekNext))
        {
            cursor.Next();
            return token.IsWord("TRUE") ? Cql2Condition.True : Cql2Condition.False;
        }

        if (token.Kind == Cql2TokenKind.End)
            throw Cql2SyntaxError.At(token, "expected a predicate, found the end of the filter");
        return predicates.Predicate(Operand());
    }

    private static bool IsPredicateKeyword(Cql2Token token) =>
        token.Kind == Cql2TokenKind.Comparison || token.IsWord("IS") || token.IsWord("LIKE") || token.IsWord("ILIKE") || token.IsWord("BETWEEN")
        || token.IsWord("IN") || token.IsWord("NOT");

    /// <summary>A scalar operand: a property, a literal, or CASEI of one of them.</summary>
    private Cql2Operand Operand()
    {
        var token = cursor.Next();
        switch (token.Kind)
        {
            case Cql2TokenKind.String:
                return new Cql2Operand(token, null, Cql2LiteralKind.String);
            case Cql2TokenKind.Number:
                return new Cql2Operand(token, null, Cql2LiteralKind.Number);
            case Cql2TokenKind.QuotedName:
                return new Cql2Operand(token, Field(token), Cql2LiteralKind.None);
            case Cql2TokenKind.Word when cursor.Current.Kind == Cql2TokenKind.LeftParen:
                return Function(token);
            case Cql2TokenKind.Word when token.IsWord("TRUE") || token.IsWord("FALSE"):
                return new Cql2Operand(token, null, Cql2LiteralKind.Boolean);
            case Cql2TokenKind.Word when Cql2Predicates.IsKeyword(token):
                throw Cql2SyntaxError.At(token, $"expected a property or a literal, found the keyword {token.Text.ToUpperInvariant()}");
            case Cql2TokenKind.Word:
                return new Cql2Operand(token, Field(token), Cql2LiteralKind.None);
            case Cql2TokenKind.End:
                throw Cql2SyntaxError.At(token, "expected a property or a literal, found the end of the filter");
            default:
                throw Cql2SyntaxError.At(token, $"expected a property or a literal, found {token.Describe()}"
                    + (token.Kind == Cql2TokenKind.Symbol ? " (arithmetic is not supported)" : ""));
        }
    }

    private Cql2Operand Function(Cql2Token name)
    {
        string upper = name.Text.ToUpperInvariant();
        if (upper != "CASEI")
        {
            string why = upper switch
            {
                "DATE" or "TIMESTAMP" or "INTERVAL" => "temporal literals are not supported: the collections have no temporal properties",
                "ACCENTI" => "accent-insensitive comparison is not supported",
                _ when upper.StartsWith("T_", StringComparison.Ordinal) => "temporal functions are not supported",
                _ when upper.StartsWith("A_", StringComparison.Ordinal) => "array functions are not supported",
                _ => "the server offers the functions CASEI, S_INTERSECTS, S_DISJOINT, S_WITHIN and S_CONTAINS only",
            };
            throw Cql2SyntaxError.At(name, $"unsupported function {name.Text}: {why}");
        }

        cursor.Expect(Cql2TokenKind.LeftParen, "'(' after CASEI");
        var inner = Operand();
        if (inner.CaseInsensitive)
            throw Cql2SyntaxError.At(inner.Token, "CASEI is nested");
        cursor.Expect(Cql2TokenKind.RightParen, "')' closing CASEI");
        if (inner.IsProperty && inner.Field!.Type != FieldType.Text)
            throw Cql2SyntaxError.At(inner.Token, $"CASEI needs a string, but '{inner.Field.Name}' is {Cql2Predicates.TypeName(inner.Field.Type)}");
        if (!inner.IsProperty && inner.Literal != Cql2LiteralKind.String)
            throw Cql2SyntaxError.At(inner.Token, "CASEI needs a string");
        return inner with { CaseInsensitive = true };
    }

    /// <summary>S_INTERSECTS and friends between the geometry property and a geometry literal (21-065r2 §8).</summary>
    private Cql2Condition Spatial()
    {
        var name = cursor.Next();
        cursor.Expect(Cql2TokenKind.LeftParen, $"'(' after {name.Text}");
        bool propertyFirst = !Cql2GeometryReader.StartsGeometry(cursor.Current);
        NetTopologySuite.Geometries.Geometry literal;
        int literalPosition;
        if (propertyFirst)
        {
            GeometryProperty();
            cursor.Expect(Cql2TokenKind.Comma, $"',' between the two arguments of {name.Text}");
            literalPosition = cursor.Current.Position;
            literal = new Cql2GeometryReader(cursor).Read();
        }
        else
        {
            literalPosition = cursor.Current.Position;
            literal = new Cql2GeometryReader(cursor).Read();
            cursor.Expect(Cql2TokenKind.Comma, $"',' between the two arguments of {name.Text}");
            GeometryProperty();
        }

        cursor.Expect(Cql2TokenKind.RightParen, $"')' closing {name.Text}");
        return Cql2SpatialPredicates.Build(name, propertyFirst, literal, filterCrs, literalPosition);
    }

    private void GeometryProperty()
    {
        var token = cursor.Next();
        string geometryColumn = layer.Info.GeometryColumn;
        if (token.Kind is not (Cql2TokenKind.Word or Cql2TokenKind.QuotedName)
            || !(token.Text == "geometry" || token.Text == geometryColumn))
            throw Cql2SyntaxError.At(token, $"expected the geometry property 'geometry' or a geometry literal, found {token.Describe()}");
    }

    private FieldDefinition Field(Cql2Token token)
    {
        foreach (var field in layer.ExposedFields)
        {
            if (field.Name == token.Text)
                return field;
        }

        if (token.Text == "geometry" || token.Text == layer.Info.GeometryColumn)
            throw Cql2SyntaxError.At(token, "the geometry property can only be used in a spatial function such as S_INTERSECTS");
        throw Cql2SyntaxError.At(token, $"'{token.Text}' is not a queryable of collection '{layer.Id}' (queryables: geometry, {string.Join(", ", layer.ExposedFields.Select(f => f.Name))})");
    }
}

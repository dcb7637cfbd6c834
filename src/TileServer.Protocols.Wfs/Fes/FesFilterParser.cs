namespace TileServer.Protocols.Wfs.Fes;

using System.Xml;
using System.Xml.Linq;
using TileServer.Core.Crs;
using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Layers;

/// <summary>Parses an FES 2.0 fes:Filter (09-026r2) into the Core filter tree, typed against the layer's
/// exposed fields. Malformed XML or structure → OperationParsingFailed; unknown properties (including a
/// fes:ValueReference qualified with a namespace other than the feature type's, 09-026r2 §7.4.4), literals of the
/// wrong type and unsupported operators → InvalidParameterValue; the locator is always "filter".</summary>
/// <param name="propertyNames">Resolves value references; without it only the unbound server prefix and the filter's
/// own xmlns declarations bind prefixes (no NAMESPACES parameter).</param>
public sealed class FesFilterParser(PublishedLayer layer, CrsReference defaultCrs, WfsPropertyNames? propertyNames = null)
{
    private const string Locator = "filter";
    private static readonly XNamespace Fes = WfsNamespaces.Fes;
    private readonly WfsPropertyNames names = propertyNames ?? new WfsPropertyNames(layer, new Dictionary<string, string>(), new WfsOptions());

    public static XElement ParseXml(string text)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), WfsXml.RequestReaderSettings(async: false));
            return XElement.Load(reader);
        }
        catch (XmlException bad)
        {
            throw new WfsException(WfsException.OperationParsingFailed, Locator, "the filter is not well-formed XML: " + bad.Message);
        }
    }

    /// <summary>Parses a fes:Filter element.</summary>
    public FeatureFilter Parse(XElement filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Name != Fes + "Filter")
            throw Parsing($"expected fes:Filter in namespace {Fes.NamespaceName}, found {filter.Name}");
        var children = filter.Elements().ToList();
        if (children.Count == 0)
            throw Parsing("fes:Filter is empty");
        // §7.11: one or more ResourceId elements together select by identifier.
        if (children.All(c => c.Name == Fes + "ResourceId"))
            return ResourceIds(children);
        if (children.Count != 1)
            throw Parsing("fes:Filter must hold exactly one predicate");
        return Predicate(children[0]);
    }

    private FeatureFilter Predicate(XElement element)
    {
        if (element.Name.Namespace != Fes)
            throw Parsing($"{element.Name} is not an FES 2.0 operator");
        string name = element.Name.LocalName;
        switch (name)
        {
            case "And":
            case "Or":
                var operands = element.Elements().Select(Predicate).ToArray();
                if (operands.Length == 0)
                    throw Parsing($"fes:{name} needs operands");
                return name == "And" ? new AndFilter(operands) : new OrFilter(operands);
            case "Not":
                var single = element.Elements().ToList();
                return single.Count == 1 ? new NotFilter(Predicate(single[0])) : throw Parsing("fes:Not needs exactly one operand");
            case "PropertyIsEqualTo": return Comparison(element, ComparisonOperator.Equal);
            case "PropertyIsNotEqualTo": return Comparison(element, ComparisonOperator.NotEqual);
            case "PropertyIsLessThan": return Comparison(element, ComparisonOperator.Less);
            case "PropertyIsGreaterThan": return Comparison(element, ComparisonOperator.Greater);
            case "PropertyIsLessThanOrEqualTo": return Comparison(element, ComparisonOperator.LessOrEqual);
            case "PropertyIsGreaterThanOrEqualTo": return Comparison(element, ComparisonOperator.GreaterOrEqual);
            case "PropertyIsLike": return Like(element);
            case "PropertyIsNull": return new NullFilter(Field(Reference(element)).Name);
            // FES 2.0 §7.7.3.7: nil is the property's value being absent with a reason. Every exposed property exists
            // in our schemas and the sources record no nil reasons, so nil is a NULL column; a requested reason
            // cannot be matched and is refused rather than ignored.
            case "PropertyIsNil" when element.Attribute("nilReason") is null: return new NullFilter(Field(Reference(element)).Name);
            case "PropertyIsNil": throw new WfsException(WfsException.InvalidParameterValue, Locator, "fes:PropertyIsNil with a nilReason: the layers record no nil reasons");
            case "PropertyIsBetween": return Between(element);
            case "ResourceId": return ResourceIds([element]);
            case "BBOX": return Spatial(element, SpatialOperator.BBox);
            case "Intersects": return Spatial(element, SpatialOperator.Intersects);
            case "Within": return Spatial(element, SpatialOperator.Within);
            default:
                throw new WfsException(WfsException.InvalidParameterValue, Locator, $"operator fes:{name} is not supported (see Filter_Capabilities)");
        }
    }

    private ComparisonFilter Comparison(XElement element, ComparisonOperator op)
    {
        var operands = element.Elements().ToList();
        if (operands.Count != 2)
            throw Parsing($"fes:{element.Name.LocalName} needs a ValueReference and a Literal");
        bool literalFirst = operands[0].Name == Fes + "Literal";
        var reference = literalFirst ? operands[1] : operands[0];
        var literal = literalFirst ? operands[0] : operands[1];
        if (reference.Name != Fes + "ValueReference" || literal.Name != Fes + "Literal")
            throw new WfsException(WfsException.InvalidParameterValue, Locator, "only comparisons of a ValueReference with a Literal are supported");
        if (literalFirst)
        {
            op = op switch
            {
                ComparisonOperator.Less => ComparisonOperator.Greater,
                ComparisonOperator.Greater => ComparisonOperator.Less,
                ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
                ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
                _ => op,
            };
        }

        var field = Field(reference);
        bool matchCase = !string.Equals((string?)element.Attribute("matchCase"), "false", StringComparison.OrdinalIgnoreCase);
        return new ComparisonFilter(field.Name, op, Value(field, literal.Value), matchCase);
    }

    private LikeFilter Like(XElement element)
    {
        var field = Field(Reference(element));
        var literal = element.Element(Fes + "Literal") ?? throw Parsing("fes:PropertyIsLike needs a Literal");
        char wild = Char(element, "wildCard"), single = Char(element, "singleChar"), escape = Char(element, "escapeChar");
        if (wild == single || wild == escape || single == escape)
            throw Parsing("fes:PropertyIsLike wildCard, singleChar and escapeChar must differ");
        bool matchCase = !string.Equals((string?)element.Attribute("matchCase"), "false", StringComparison.OrdinalIgnoreCase);
        return new LikeFilter(field.Name, literal.Value, wild, single, escape, matchCase);
    }

    private BetweenFilter Between(XElement element)
    {
        var field = Field(Reference(element));
        string Bound(string name) =>
            element.Element(Fes + name)?.Element(Fes + "Literal")?.Value ?? throw Parsing($"fes:PropertyIsBetween needs fes:{name} with a Literal");
        return new BetweenFilter(field.Name, Value(field, Bound("LowerBoundary")), Value(field, Bound("UpperBoundary")));
    }

    private SpatialFilter Spatial(XElement element, SpatialOperator op)
    {
        string geometryName = WfsFeatureTypes.GeometryProperty(layer);
        var reference = element.Element(Fes + "ValueReference");
        if (reference is not null && names.LocalName(reference.Value, Locator, reference) != geometryName)
            throw new WfsException(WfsException.InvalidParameterValue, Locator, $"'{reference.Value}' is not the geometry property '{geometryName}'");
        var operand = element.Elements().FirstOrDefault(e => e.Name.Namespace != Fes)
            ?? throw Parsing($"fes:{element.Name.LocalName} needs a GML geometry operand");
        var crs = GmlGeometryReader.Crs(operand, defaultCrs);
        var geometry = StorageGeometry.ToStorage(GmlGeometryReader.Read(operand), crs, Locator);
        return RequestGeometry.Filter(op, geometry);
    }

    private IdFilter ResourceIds(IEnumerable<XElement> elements)
    {
        var fids = new List<long>();
        foreach (var element in elements)
        {
            string rid = (string?)element.Attribute("rid") ?? throw Parsing("fes:ResourceId needs a rid");
            fids.Add(ResourceId.Parse(rid, layer.Id, Locator));
        }

        return new IdFilter(fids);
    }

    private static XElement Reference(XElement element) =>
        element.Element(Fes + "ValueReference") ?? throw Parsing($"fes:{element.Name.LocalName} needs a ValueReference");

    private FieldDefinition Field(XElement reference)
    {
        string name = names.LocalName(reference.Value, Locator, reference);
        foreach (var field in layer.ExposedFields)
        {
            if (field.Name == name)
                return field;
        }

        throw new WfsException(WfsException.InvalidParameterValue, Locator, $"feature type '{layer.Id}' has no property '{reference.Value.Trim()}'");
    }

    private static FilterValue Value(FieldDefinition field, string literal) =>
        FilterValue.Parse(literal, field.Type)
        ?? throw new WfsException(WfsException.InvalidParameterValue, Locator, $"'{literal}' is not a valid {field.Type} value for '{field.Name}'");

    private static char Char(XElement element, string attribute)
    {
        string? value = (string?)element.Attribute(attribute);
        return value is { Length: 1 } ? value[0] : throw Parsing($"fes:PropertyIsLike needs a one-character {attribute}");
    }

    private static WfsException Parsing(string message) => new(WfsException.OperationParsingFailed, Locator, message);
}

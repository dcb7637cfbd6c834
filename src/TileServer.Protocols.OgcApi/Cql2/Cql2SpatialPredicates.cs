namespace TileServer.Protocols.OgcApi.Cql2;

using NetTopologySuite.Geometries;
using TileServer.Core.Crs;
using TileServer.Core.Features.Filtering;

/// <summary>Maps the CQL2 spatial functions (21-065r2 §8, DE-9IM) onto the Core spatial operators, which test the
/// feature's geometry against an operand: intersects, and within (the feature inside the operand).
/// S_INTERSECTS is symmetric; S_DISJOINT is its negation by definition; S_WITHIN(geometry, literal) and its mirror
/// S_CONTAINS(literal, geometry) are within. The other orders, and S_EQUALS, S_TOUCHES, S_OVERLAPS and S_CROSSES,
/// have no Core operator and are refused.</summary>
internal static class Cql2SpatialPredicates
{
    public static Cql2Condition Build(Cql2Token name, bool propertyFirst, Geometry literal, CrsReference crs, int literalPosition)
    {
        switch (name.Text.ToUpperInvariant())
        {
            case "S_INTERSECTS":
                return Intersects(literal, crs, literalPosition);
            case "S_DISJOINT":
                return Intersects(literal, crs, literalPosition).Negate();
            case "S_WITHIN" when propertyFirst:
            case "S_CONTAINS" when !propertyFirst:
                if (literal is GeometryCollection && literal is not (MultiPoint or MultiLineString or MultiPolygon))
                    throw Cql2SyntaxError.At(literalPosition, $"{name.Text} does not support a GEOMETRYCOLLECTION");
                return Cql2Condition.Of(Cql2StorageGeometry.Filter(SpatialOperator.Within, literal, crs, literalPosition));
            case "S_WITHIN":
            case "S_CONTAINS":
                throw Cql2SyntaxError.At(name, $"{name.Text} is supported only with the feature inside the literal: S_WITHIN(geometry, literal) or S_CONTAINS(literal, geometry)");
            default:
                throw Cql2SyntaxError.At(name, $"unsupported spatial function {name.Text} (supported: S_INTERSECTS, S_DISJOINT, S_WITHIN, S_CONTAINS)");
        }
    }

    /// <summary>A feature intersects a collection when it intersects one of its members, so a GEOMETRYCOLLECTION
    /// becomes an OR of its members (the GeoPackage source's NTS predicates do not take collections).</summary>
    private static Cql2Condition Intersects(Geometry literal, CrsReference crs, int position)
    {
        if (literal is GeometryCollection collection && literal is not (MultiPoint or MultiLineString or MultiPolygon))
        {
            if (collection.NumGeometries == 0)
                throw Cql2SyntaxError.At(position, "the GEOMETRYCOLLECTION is empty");
            return Cql2Condition.Or([.. collection.Geometries.Select(member => Intersects(member, crs, position))]);
        }

        return Cql2Condition.Of(Cql2StorageGeometry.Filter(SpatialOperator.Intersects, literal, crs, position));
    }
}

namespace TileServer.Core.Tests.Layers;

using TileServer.Core.Errors;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;

/// <summary>The configured IdField and attributes are checked against the table when the layer is published.</summary>
public sealed class PublishedLayerTests
{
    private static SourceLayerInfo Table(string? keyColumn) =>
        new("parcels", "geom", GeometryKind.MultiPolygon, 4490, new BoundingBox(118, 40, 119, 41),
            [new FieldDefinition("bsm", FieldType.Text), new FieldDefinition("mj", FieldType.Real)], 10)
        {
            KeyColumn = keyColumn,
        };

    private static PublishedLayer Publish(string? idField, string? keyColumn = null) =>
        new(new LayerDefinition { Id = "p", Source = "s", Table = "parcels", IdField = idField }, null!, Table(keyColumn));

    [Fact]
    public void An_id_field_that_is_not_a_column_is_a_configuration_error()
    {
        var error = Assert.Throws<ConfigurationException>(() => Publish("nosuch"));
        Assert.Contains("IdField 'nosuch'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bsm", null)]
    [InlineData(null, null)]
    [InlineData("gid", "gid")] // PostGIS keeps the primary key out of Fields; it is still a valid IdField
    public void A_column_or_the_primary_key_is_a_valid_id_field(string? idField, string? keyColumn)
    {
        Assert.Equal(["bsm", "mj"], Publish(idField, keyColumn).ExposedFields.Select(f => f.Name));
    }
}

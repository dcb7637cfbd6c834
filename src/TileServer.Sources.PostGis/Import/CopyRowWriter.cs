namespace TileServer.Sources.PostGis.Import;

using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;
using TileServer.Core.Features;

/// <summary>Writes features into a binary COPY. The geometry goes as plain WKB in the bytea wire form:
/// binary COPY hands the bytes to the column type's receive function (PostgreSQL docs, COPY "Binary
/// Format"), and PostGIS's geometry_recv parses WKB and applies the column's typmod SRID — so no text
/// round trip and no server-side ST_GeomFromWKB pass are needed.</summary>
internal sealed class CopyRowWriter(FeatureLayerSchema layer)
{
    // Little-endian (the usual host order), 2D: the published layers are planar.
    private readonly WKBWriter wkbWriter = new(ByteOrder.LittleEndian, handleSRID: false, emitZ: false, emitM: false);

    public async Task WriteAsync(NpgsqlBinaryImporter importer, long fid, WritableFeature feature, CancellationToken cancellationToken)
    {
        if (feature.Values.Length != layer.Fields.Count)
            throw new ArgumentException($"feature {fid} of {layer.Name} has {feature.Values.Length} values for {layer.Fields.Count} fields");
        await importer.StartRowAsync(cancellationToken);
        await importer.WriteAsync(fid, NpgsqlDbType.Bigint, cancellationToken);
        if (feature.Wkb is { } stored && WkbPassThrough.TryAsDeclared(stored, layer.GeometryKind, out var wkb))
            await importer.WriteAsync(wkb, NpgsqlDbType.Bytea, cancellationToken);
        else
            await importer.WriteAsync(wkbWriter.Write(AsDeclaredKind(feature.Geometry)), NpgsqlDbType.Bytea, cancellationToken);

        for (var i = 0; i < layer.Fields.Count; i++)
        {
            var value = feature.Values[i];
            if (value is null)
            {
                await importer.WriteNullAsync(cancellationToken);
                continue;
            }

            switch (layer.Fields[i].Type)
            {
                case FieldType.Text:
                    await importer.WriteAsync(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", NpgsqlDbType.Text, cancellationToken);
                    break;
                case FieldType.Integer:
                    await importer.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint, cancellationToken);
                    break;
                default:
                    await importer.WriteAsync(Convert.ToDouble(value, CultureInfo.InvariantCulture), NpgsqlDbType.Double, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>Single parts are promoted for Multi* columns (the typmod check would refuse them);
    /// anything else is sent as is and a mismatch fails the import.</summary>
    private Geometry AsDeclaredKind(Geometry geometry) => (layer.GeometryKind, geometry) switch
    {
        (GeometryKind.MultiPolygon, Polygon p) => p.Factory.CreateMultiPolygon([p]),
        (GeometryKind.MultiLineString, LineString l) => l.Factory.CreateMultiLineString([l]),
        (GeometryKind.MultiPoint, Point p) => p.Factory.CreateMultiPoint([p]),
        _ => geometry,
    };
}

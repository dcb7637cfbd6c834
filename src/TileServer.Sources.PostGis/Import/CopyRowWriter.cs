namespace TileServer.Sources.PostGis.Import;

using System.Globalization;
using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Features;

/// <summary>Encodes features as binary COPY tuples (fid, geometry, then the schema's fields). The geometry goes
/// as plain WKB in the bytea wire form: binary COPY hands the bytes to the column type's receive function
/// (PostgreSQL docs, COPY "Binary Format"), and PostGIS's geometry_recv parses WKB and applies the column's
/// typmod SRID — so no text round trip and no server-side ST_GeomFromWKB pass are needed.</summary>
internal sealed class CopyRowWriter(FeatureLayerSchema layer)
{
    // Little-endian (the usual host order), 2D: the published layers are planar.
    private readonly WKBWriter wkbWriter = new(ByteOrder.LittleEndian, handleSRID: false, emitZ: false, emitM: false);
    private readonly uint multiCode = GeometryKinds.WkbCode(layer.GeometryKind);

    public void Write(CopyBinaryBuffer buffer, long fid, WritableFeature feature)
    {
        if (feature.Values.Length != layer.Fields.Count)
            throw new ArgumentException($"feature {fid} of {layer.Name} has {feature.Values.Length} values for {layer.Fields.Count} fields");
        buffer.StartTuple(2 + layer.Fields.Count);
        buffer.WriteInt64(fid);
        if (feature.Wkb is { } stored)
            WriteGeometry(buffer, stored.Span);
        else
            buffer.WriteBytes(wkbWriter.Write(AsDeclaredKind(feature.Geometry)));

        for (var i = 0; i < layer.Fields.Count; i++)
        {
            var value = feature.Values[i];
            if (value is null)
            {
                buffer.WriteNull();
                continue;
            }

            switch (layer.Fields[i].Type)
            {
                case FieldType.Text:
                    buffer.WriteText(value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                    break;
                case FieldType.Integer:
                    buffer.WriteInt64(value is long integer ? integer : Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                default:
                    buffer.WriteDouble(value is double real ? real : Convert.ToDouble(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }

    /// <summary>Encodes the reader's current row. Its fields must be the schema's, in order (checked by the
    /// importer). Compiled fully optimised from the start: it runs once per row of a short import process.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(CopyBinaryBuffer buffer, long fid, IStoredFeatureRowReader row)
    {
        var fields = layer.Fields;
        buffer.StartTuple(2 + fields.Count);
        buffer.WriteInt64(fid);
        WriteGeometry(buffer, row.Wkb);
        for (var i = 0; i < fields.Count; i++)
        {
            if (row.IsNull(i))
            {
                buffer.WriteNull();
                continue;
            }

            switch (fields[i].Type)
            {
                case FieldType.Text:
                    buffer.WriteUtf8(row.GetUtf8(i));
                    break;
                case FieldType.Integer:
                    buffer.WriteInt64(row.GetInt64(i));
                    break;
                default:
                    buffer.WriteDouble(row.GetDouble(i));
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteGeometry(CopyBinaryBuffer buffer, ReadOnlySpan<byte> wkb)
    {
        switch (WkbPassThrough.Classify(wkb, layer.GeometryKind))
        {
            case WkbForm.AsStored:
                buffer.WriteBytes(wkb);
                break;
            case WkbForm.WrapInMulti:
                buffer.WriteWrappedInMulti(wkb, multiCode);
                break;
            default:
                buffer.WriteBytes(wkbWriter.Write(AsDeclaredKind(new WKBReader().Read(wkb.ToArray()))));
                break;
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

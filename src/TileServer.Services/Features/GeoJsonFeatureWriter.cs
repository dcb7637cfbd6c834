namespace TileServer.Services.Features;

using System.Text.Json;
using NetTopologySuite.Geometries;

/// <summary>Writes GeoJSON (RFC 7946) features as they arrive: the caller opens the FeatureCollection,
/// writes its own leading members, streams features through <see cref="WriteFeaturesAsync"/> (which flushes
/// to the response as the buffer fills, so memory stays bounded), then writes trailing members such as
/// numberReturned, which is only known at the end. Coordinates are written at full double precision.</summary>
public static class GeoJsonFeatureWriter
{
    /// <summary>Writes every feature into the open "features" array; returns how many were written.</summary>
    public static async Task<long> WriteFeaturesAsync(Utf8JsonWriter json, IAsyncEnumerable<FeatureItem> features, GeoJsonOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        long count = 0;
        await foreach (var feature in features.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            WriteFeature(json, feature, options);
            count++;
            if (json.BytesPending >= options.FlushThresholdBytes)
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    /// <summary>One Feature object: type, id, geometry, properties, then any foreign members (RFC 7946 §6.1)
    /// the caller adds, such as the CRS of a feature written alone.</summary>
    public static void WriteFeature(Utf8JsonWriter json, FeatureItem feature, GeoJsonOptions options, Action<Utf8JsonWriter>? foreignMembers = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(options);
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        if (options.IdPrefix is { } prefix)
            json.WriteString("id", prefix + feature.Fid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else
            json.WriteNumber("id", feature.Fid);
        json.WritePropertyName("geometry");
        WriteGeometry(json, feature.Geometry, options.SwapAxes);
        json.WriteStartObject("properties");
        for (int i = 0; i < feature.Fields.Count; i++)
        {
            json.WritePropertyName(feature.Fields[i].Name);
            WriteValue(json, feature.Values[i]);
        }

        json.WriteEndObject();
        foreignMembers?.Invoke(json);
        json.WriteEndObject();
    }

    /// <summary>A GeoJSON geometry object (RFC 7946 §3.1); empty geometries become null (§3.2 allows it).</summary>
    public static void WriteGeometry(Utf8JsonWriter json, Geometry? geometry, bool swapAxes)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (geometry is null || geometry.IsEmpty)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        switch (geometry)
        {
            case Point point:
                json.WriteString("type", "Point");
                json.WritePropertyName("coordinates");
                WritePosition(json, point.CoordinateSequence, 0, swapAxes);
                break;
            case LineString line:
                json.WriteString("type", "LineString");
                json.WritePropertyName("coordinates");
                WriteSequence(json, line.CoordinateSequence, swapAxes);
                break;
            case Polygon polygon:
                json.WriteString("type", "Polygon");
                json.WritePropertyName("coordinates");
                WriteRings(json, polygon, swapAxes);
                break;
            case MultiPoint multiPoint:
                json.WriteString("type", "MultiPoint");
                json.WriteStartArray("coordinates");
                foreach (var part in multiPoint.Geometries)
                    WritePosition(json, ((Point)part).CoordinateSequence, 0, swapAxes);
                json.WriteEndArray();
                break;
            case MultiLineString multiLine:
                json.WriteString("type", "MultiLineString");
                json.WriteStartArray("coordinates");
                foreach (var part in multiLine.Geometries)
                    WriteSequence(json, ((LineString)part).CoordinateSequence, swapAxes);
                json.WriteEndArray();
                break;
            case MultiPolygon multiPolygon:
                json.WriteString("type", "MultiPolygon");
                json.WriteStartArray("coordinates");
                foreach (var part in multiPolygon.Geometries)
                    WriteRings(json, (Polygon)part, swapAxes);
                json.WriteEndArray();
                break;
            case GeometryCollection collection:
                json.WriteString("type", "GeometryCollection");
                json.WriteStartArray("geometries");
                foreach (var part in collection.Geometries)
                    WriteGeometry(json, part, swapAxes);
                json.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"geometry type {geometry.GeometryType} has no GeoJSON form");
        }

        json.WriteEndObject();
    }

    private static void WriteRings(Utf8JsonWriter json, Polygon polygon, bool swapAxes)
    {
        json.WriteStartArray();
        WriteSequence(json, polygon.Shell.CoordinateSequence, swapAxes);
        foreach (var hole in polygon.Holes)
            WriteSequence(json, hole.CoordinateSequence, swapAxes);
        json.WriteEndArray();
    }

    private static void WriteSequence(Utf8JsonWriter json, CoordinateSequence sequence, bool swapAxes)
    {
        json.WriteStartArray();
        for (int i = 0; i < sequence.Count; i++)
            WritePosition(json, sequence, i, swapAxes);
        json.WriteEndArray();
    }

    private static void WritePosition(Utf8JsonWriter json, CoordinateSequence sequence, int index, bool swapAxes)
    {
        json.WriteStartArray();
        double x = sequence.GetX(index), y = sequence.GetY(index);
        json.WriteNumberValue(swapAxes ? y : x);
        json.WriteNumberValue(swapAxes ? x : y);
        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case long integer:
                json.WriteNumberValue(integer);
                break;
            case int integer:
                json.WriteNumberValue(integer);
                break;
            case double real when double.IsFinite(real):
                json.WriteNumberValue(real);
                break;
            case double:
                json.WriteNullValue(); // NaN and infinities have no JSON form
                break;
            case float real when float.IsFinite(real):
                json.WriteNumberValue(real);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}

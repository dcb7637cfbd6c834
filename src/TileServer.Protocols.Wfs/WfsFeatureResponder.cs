namespace TileServer.Protocols.Wfs;

using System.Globalization;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;
using TileServer.Services.Features;

/// <summary>Answers GetFeature and GetPropertyValue: counts the matches (numberMatched, and numberReturned
/// from it, since the GML root carries both before the members), opens the feature stream and reads the
/// first feature before sending headers — so a failing query still gets an ExceptionReport — then writes
/// each feature as it is read. A client disconnect cancels the source query through RequestAborted.
/// The count stops at <see cref="WfsOptions.ExactCountLimit"/> matches or just past the page, whichever is
/// further; beyond it numberMatched is "unknown" (wfs.xsd types it wfs:nonNegativeIntegerOrUnknown) while
/// numberReturned and the next link stay exact. resultType=hits always counts everything.</summary>
public static class WfsFeatureResponder
{
    private const int DrainBytes = 32 * 1024;

    /// <param name="pageUrl">The URL of this request with another startIndex (next/previous links).</param>
    /// <param name="valueReference">For GetPropertyValue: the property whose values are returned.</param>
    public static async Task RespondAsync(HttpContext context, WfsQuery query, FeatureService features, WfsOptions options,
        Func<long, string> pageUrl, string? valueReference = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(pageUrl);
        var cancel = context.RequestAborted;
        var request = new FeatureRequest
        {
            LayerId = query.Layer.Id, Filter = query.Filter, SortBy = query.SortBy, Properties = query.Properties,
            Offset = query.StartIndex, Limit = query.Count, OutputCrs = query.Crs.Crs,
        };
        var matched = query.SingleFeature ? MatchCount.Exact(1)
            : query.Hits ? MatchCount.Exact(await features.CountAsync(request, cancel).ConfigureAwait(false))
            : await features.CountUpToAsync(request, options.ExactCountLimit, cancel).ConfigureAwait(false);
        long returned = query.Hits ? 0 : matched.Returned(query.StartIndex, query.Count);
        await using var items = (query.Hits || returned == 0 && !query.SingleFeature
            ? AsyncEnumerable.Empty<FeatureItem>() : features.QueryAsync(request, cancel)).GetAsyncEnumerator(cancel);
        bool any = await items.MoveNextAsync().ConfigureAwait(false);
        if (query.SingleFeature && !any)
            throw new WfsException(WfsException.NotFound, "id", "no feature with this identifier");

        string? next = !query.Hits && WfsPageLinks.Next(query.StartIndex, query.Count, returned, matched) is { } nextIndex ? pageUrl(nextIndex) : null;
        string? previous = !query.Hits && WfsPageLinks.Previous(query.StartIndex, query.Count, matched) is { } previousIndex ? pageUrl(previousIndex) : null;
        string timeStamp = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        if (query.Json && valueReference is null)
        {
            response.ContentType = "application/geo+json; charset=utf-8";
            await WriteJsonAsync(response.Body, query, items, any, matched, timeStamp, next, previous, cancel).ConfigureAwait(false);
        }
        else
        {
            response.ContentType = "application/gml+xml; version=3.2; charset=utf-8";
            await WriteGmlAsync(response.Body, query, options, items, any, matched, returned, timeStamp, next, previous, valueReference, cancel).ConfigureAwait(false);
        }
    }

    private static async Task WriteGmlAsync(Stream body, WfsQuery query, WfsOptions options, IAsyncEnumerator<FeatureItem> items, bool any,
        MatchCount matched, long returned, string timeStamp, string? next, string? previous, string? valueReference, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        using var xml = XmlWriter.Create(buffer, WfsXml.Settings(indent: false, async: false));
        var writer = new GmlFeatureWriter(xml, query, options);
        xml.WriteStartDocument();
        if (query.SingleFeature)
        {
            writer.WriteFeature(items.Current, declareNamespaces: true);
        }
        else
        {
            string wfs = WfsNamespaces.Wfs.NamespaceName;
            xml.WriteStartElement("wfs", valueReference is null ? "FeatureCollection" : "ValueCollection", wfs);
            xml.WriteAttributeString("xmlns", "gml", null, WfsNamespaces.Gml.NamespaceName);
            xml.WriteAttributeString("xmlns", options.FeatureNamespacePrefix, null, options.FeatureNamespace);
            xml.WriteAttributeString("xmlns", "xsi", null, WfsNamespaces.Xsi.NamespaceName);
            xml.WriteAttributeString("xsi", "schemaLocation", WfsNamespaces.Xsi.NamespaceName, WfsNamespaces.WfsSchemaLocation);
            xml.WriteAttributeString("timeStamp", timeStamp);
            xml.WriteAttributeString("numberMatched", matched.IsExact ? matched.Value.ToString(CultureInfo.InvariantCulture) : "unknown");
            xml.WriteAttributeString("numberReturned", returned.ToString(CultureInfo.InvariantCulture));
            if (next is not null)
                xml.WriteAttributeString("next", next);
            if (previous is not null)
                xml.WriteAttributeString("previous", previous);
            long written = 0;
            // numberReturned was promised up front: never write more members than that (rows may arrive meanwhile).
            for (bool has = any; has && written < returned; has = await items.MoveNextAsync().ConfigureAwait(false))
            {
                xml.WriteStartElement("wfs", "member", wfs);
                if (valueReference is null)
                    writer.WriteFeature(items.Current, declareNamespaces: false);
                else if (valueReference == WfsFeatureTypes.GeometryProperty(query.Layer))
                    writer.WriteGeometry(items.Current);
                else
                    xml.WriteString(GmlFeatureWriter.Text(items.Current.Values[0]) ?? "");
                xml.WriteEndElement();
                written++;
                xml.Flush();
                if (buffer.Length >= DrainBytes)
                    await DrainAsync(buffer, body, cancel).ConfigureAwait(false);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndDocument();
        xml.Flush();
        await DrainAsync(buffer, body, cancel).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(Stream body, WfsQuery query, IAsyncEnumerator<FeatureItem> items, bool any,
        MatchCount matched, string timeStamp, string? next, string? previous, CancellationToken cancel)
    {
        // RFC 7946 §3.1.1: GeoJSON positions are always easting/longitude first. The latitude-first order of
        // a URN or URI srsName (09-025r2 §7.9.2.4.4) governs GML only; following it here made the default
        // (URN) output read as a latitude of 118° by GDAL and every GeoJSON library.
        var options = new GeoJsonOptions { SwapAxes = false, IdPrefix = query.Layer.Id + "." };
        await using var json = new Utf8JsonWriter(body);
        if (query.SingleFeature)
        {
            // Same rule as the collection: a projected srsName is named, or GDAL reads metres as degrees.
            GeoJsonFeatureWriter.WriteFeature(json, Projected(items.Current, query), options, writer => WriteProjectedCrs(writer, query));
            await json.FlushAsync(cancel).ConfigureAwait(false);
            return;
        }

        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("timeStamp", timeStamp);
        WriteProjectedCrs(json, query);
        if (matched.IsExact)
            json.WriteNumber("numberMatched", matched.Value); // GeoJSON has no "unknown": left out, as OGC API does
        json.WriteStartArray("features");
        long returned = any ? await GeoJsonFeatureWriter.WriteFeaturesAsync(json, Rest(items, query), options, cancel).ConfigureAwait(false) : 0;
        json.WriteEndArray();
        json.WriteNumber("numberReturned", returned);
        json.WriteStartArray("links");
        foreach (var (rel, href) in new[] { ("next", next), ("previous", previous) })
        {
            if (href is null)
                continue;
            json.WriteStartObject();
            json.WriteString("rel", rel);
            json.WriteString("href", href);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>RFC 7946 has no CRS member, and its positions are lon/lat; for a projected srsName (3857, the
    /// Gauss-Krüger zones) the 2008 GeoJSON "crs" member names the CRS, in the short EPSG:n form whose axis
    /// order (easting first) is the one written, so GDAL and QGIS georeference the result. Written on the
    /// FeatureCollection and on the bare Feature of GetFeatureById alike.</summary>
    private static void WriteProjectedCrs(Utf8JsonWriter json, WfsQuery query)
    {
        if (query.Crs.Crs.IsGeographic)
            return;
        json.WriteStartObject("crs");
        json.WriteString("type", "name");
        json.WriteStartObject("properties");
        json.WriteString("name", query.Crs.Crs.ShortForm);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The current feature and the rest of the stream.</summary>
    private static async IAsyncEnumerable<FeatureItem> Rest(IAsyncEnumerator<FeatureItem> items, WfsQuery query)
    {
        yield return Projected(items.Current, query);
        while (await items.MoveNextAsync().ConfigureAwait(false))
            yield return Projected(items.Current, query);
    }

    /// <summary>Without the geometry in the projection, GeoJSON writes a null geometry (RFC 7946 §3.2).</summary>
    private static FeatureItem Projected(FeatureItem item, WfsQuery query) =>
        query.IncludeGeometry ? item : item with { Geometry = NetTopologySuite.Geometries.GeometryCollection.Empty };

    private static async Task DrainAsync(MemoryStream buffer, Stream body, CancellationToken cancel)
    {
        await body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancel).ConfigureAwait(false);
        buffer.SetLength(0);
    }
}

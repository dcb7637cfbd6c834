namespace TileServer.Protocols.OgcApi;

using System.Text.Json.Nodes;
using TileServer.Core.Features;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;

/// <summary>The OpenAPI 3.0 definition at <c>/api</c> (Part 1 §7.3, conformance class oas30): every path the
/// server answers, each collection's items path with its own property filters (§7.15.6), and the declared
/// limit default and maximum (§7.15.3).</summary>
public static class OpenApiDocument
{
    public static JsonObject Build(IReadOnlyList<PublishedLayer> layers, string baseUrl, OgcApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(options);
        var paths = new JsonObject
        {
            ["/"] = Get("Landing page", "getLandingPage", [Ref("f")], Ok(OgcMediaTypes.Json, OgcMediaTypes.Html)),
            ["/conformance"] = Get("Conformance classes", "getConformance", [Ref("f")], Ok(OgcMediaTypes.Json, OgcMediaTypes.Html)),
            ["/api"] = Get("This API definition", "getApi", [Ref("f")], Ok(OgcMediaTypes.OpenApi, OgcMediaTypes.Html)),
            ["/collections"] = Get("Feature collections", "getCollections", [Ref("f")], Ok(OgcMediaTypes.Json, OgcMediaTypes.Html)),
            ["/tileMatrixSets"] = Get("Tile matrix sets", "getTileMatrixSets", [Ref("f")], Ok(OgcMediaTypes.Json, OgcMediaTypes.Html)),
            ["/tileMatrixSets/{tileMatrixSetId}"] = Get("A tile matrix set (OGC 2D TMS JSON 2.0)", "getTileMatrixSet", [Ref("tileMatrixSetId"), Ref("f")], Ok(OgcMediaTypes.Json, OgcMediaTypes.Html)),
            ["/tiles"] = Get("Tilesets of the whole dataset", "getDatasetTilesets", [Ref("f")], Ok(OgcMediaTypes.Json, OgcMediaTypes.Html)),
            ["/tiles/{tileMatrixSetId}"] = Get("A tileset of the whole dataset", "getDatasetTileset", [Ref("tileMatrixSetId"), Ref("f")], Ok(OgcMediaTypes.Json)),
            ["/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}"] = Get("A vector tile of all layers", "getDatasetTile",
                [Ref("tileMatrixSetId"), Ref("tileMatrix"), Ref("tileRow"), Ref("tileCol"), Ref("tileFormat")], Tile()),
            ["/map/tiles"] = Get("Map tilesets (PNG) of the whole dataset", "getDatasetMapTilesets", [Ref("f")], Ok(OgcMediaTypes.Json, OgcMediaTypes.Html)),
            ["/map/tiles/{tileMatrixSetId}"] = Get("A map tileset of the whole dataset", "getDatasetMapTileset", [Ref("tileMatrixSetId"), Ref("f")], Ok(OgcMediaTypes.Json)),
            ["/map/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}"] = Get("A PNG map tile of all layers", "getDatasetMapTile",
                [Ref("tileMatrixSetId"), Ref("tileMatrix"), Ref("tileRow"), Ref("tileCol")], Tile()),
        };
        foreach (var layer in layers)
        {
            string id = layer.Id, op = OperationSuffix(id);
            string title = string.IsNullOrEmpty(layer.Definition.TitleZh) ? id : layer.Definition.TitleZh;
            string collection = $"/collections/{id}";
            paths[collection] = Get($"Collection {id} ({title})", $"describe{op}", [Ref("f")], Ok(OgcMediaTypes.Json, OgcMediaTypes.Html));
            paths[$"{collection}/queryables"] = Get($"Queryables of {id}", $"getQueryables{op}", [Ref("f")], Ok(OgcMediaTypes.JsonSchema, OgcMediaTypes.Html));
            var itemParameters = new List<JsonNode> { Ref("f"), Ref("limit"), Ref("offset"), Ref("bbox"), Ref("bbox-crs"), Ref("crs"), Ref("datetime"),
                Ref("filter"), Ref("filter-lang"), Ref("filter-crs"), Ref("sortby") };
            foreach (var field in layer.ExposedFields)
            {
                itemParameters.Add(new JsonObject
                {
                    ["name"] = field.Name,
                    ["in"] = "query",
                    ["required"] = false,
                    ["description"] = $"Only features whose {field.Name} ({field.TitleZh}) equals this value.",
                    ["schema"] = new JsonObject { ["type"] = JsonType(field.Type) },
                    ["style"] = "form",
                    ["explode"] = false,
                });
            }

            paths[$"{collection}/items"] = Get($"Features of {id} ({title})", $"getFeatures{op}", itemParameters, Ok(OgcMediaTypes.GeoJson, OgcMediaTypes.Html));
            paths[$"{collection}/items/{{featureId}}"] = Get($"One feature of {id}", $"getFeature{op}", [Ref("featureId"), Ref("f"), Ref("crs")], Ok(OgcMediaTypes.GeoJson, OgcMediaTypes.Html));
            paths[$"{collection}/tiles"] = Get($"Tilesets of {id}", $"getTilesets{op}", [Ref("f")], Ok(OgcMediaTypes.Json, OgcMediaTypes.Html));
            paths[$"{collection}/tiles/{{tileMatrixSetId}}"] = Get($"A tileset of {id}", $"getTileset{op}", [Ref("tileMatrixSetId"), Ref("f")], Ok(OgcMediaTypes.Json));
            paths[$"{collection}/tiles/{{tileMatrixSetId}}/{{tileMatrix}}/{{tileRow}}/{{tileCol}}"] = Get($"A tile of {id}", $"getTile{op}",
                [Ref("tileMatrixSetId"), Ref("tileMatrix"), Ref("tileRow"), Ref("tileCol"), Ref("tileFormat")], Tile());
            paths[$"{collection}/map/tiles"] = Get($"Map tilesets (PNG) of {id}", $"getMapTilesets{op}", [Ref("f")], Ok(OgcMediaTypes.Json, OgcMediaTypes.Html));
            paths[$"{collection}/map/tiles/{{tileMatrixSetId}}"] = Get($"A map tileset of {id}", $"getMapTileset{op}", [Ref("tileMatrixSetId"), Ref("f")], Ok(OgcMediaTypes.Json));
            paths[$"{collection}/map/tiles/{{tileMatrixSetId}}/{{tileMatrix}}/{{tileRow}}/{{tileCol}}"] = Get($"A PNG map tile of {id}", $"getMapTile{op}",
                [Ref("tileMatrixSetId"), Ref("tileMatrix"), Ref("tileRow"), Ref("tileCol")], Tile());
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = options.Title, ["description"] = options.Description, ["version"] = "1.0.0" },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = baseUrl }),
            ["paths"] = paths,
            ["components"] = new JsonObject { ["parameters"] = Parameters(options), ["schemas"] = Schemas() },
        };
    }

    public static string Html(JsonObject document, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        var page = new HtmlPage("API definition (OpenAPI 3.0)", $"{baseUrl}/api?f=json", ($"{baseUrl}/?f=html", "Home")).StartTable("Path", "Summary");
        foreach (var (path, item) in document["paths"]!.AsObject())
            page.Row(new HtmlCell(path, Code: true), item!["get"]!["summary"]!.GetValue<string>());
        return page.EndTable().ToString();
    }

    private static string OperationSuffix(string id) => string.Concat(id.Split('_', '-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    private static JsonObject Get(string summary, string operationId, IEnumerable<JsonNode> parameters, JsonObject ok)
    {
        var responses = new JsonObject { ["200"] = ok, ["400"] = Problem("Invalid request parameter") };
        // Every path can answer 404: unknown collections, features and tile matrix sets, tiles outside the limits.
        responses["404"] = Problem("The resource does not exist");
        return new JsonObject
        {
            ["get"] = new JsonObject
            {
                ["summary"] = summary,
                ["operationId"] = operationId,
                ["parameters"] = new JsonArray([.. parameters]),
                ["responses"] = responses,
            },
        };
    }

    private static JsonObject Ok(params string[] types)
    {
        var content = new JsonObject();
        foreach (string type in types)
            content[type] = new JsonObject { ["schema"] = type == OgcMediaTypes.Html ? new JsonObject { ["type"] = "string" } : new JsonObject { ["type"] = "object" } };
        return new JsonObject { ["description"] = "Success", ["content"] = content };
    }

    private static JsonObject Tile() => new()
    {
        ["description"] = "The tile (204 No Content when it holds no features)",
        ["content"] = new JsonObject
        {
            [OgcMediaTypes.Mvt] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } },
            [OgcMediaTypes.Png] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } },
        },
    };

    private static JsonObject Problem(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { [OgcMediaTypes.Problem] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/problem" } } },
    };

    private static JsonObject Ref(string parameter) => new() { ["$ref"] = $"#/components/parameters/{parameter}" };

    private static string JsonType(FieldType type) => type switch { FieldType.Integer => "integer", FieldType.Real => "number", _ => "string" };

    private static JsonObject Parameters(OgcApiOptions options)
    {
        JsonArray crsUris = new([.. OgcCrs.SupportedUris.Select(u => (JsonNode)u)]);
        return new JsonObject
        {
            ["f"] = Query("f", "The representation: json (GeoJSON for features), html, or png for tiles.",
                new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("json", "html", "geojson", "mvt", "png") }),
            ["limit"] = Query("limit", $"Page size; larger values are served as {options.MaxLimit}.",
                new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = options.MaxLimit, ["default"] = options.DefaultLimit }),
            ["offset"] = Query("offset", "Number of matching features to skip (next/prev links carry it).",
                new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["default"] = 0 }),
            ["bbox"] = Query("bbox", "Lower and upper corner in the axis order of bbox-crs (CRS84: lon,lat,lon,lat).",
                new JsonObject { ["type"] = "array", ["minItems"] = 4, ["maxItems"] = 6, ["items"] = new JsonObject { ["type"] = "number" } }),
            ["bbox-crs"] = Query("bbox-crs", "CRS of bbox (default CRS84).", new JsonObject { ["type"] = "string", ["format"] = "uri", ["enum"] = crsUris.DeepClone() }),
            ["crs"] = Query("crs", "CRS of the returned geometries (default CRS84).", new JsonObject { ["type"] = "string", ["format"] = "uri", ["enum"] = crsUris }),
            ["datetime"] = Query("datetime", "An instant or interval (RFC 3339); the layers have no temporal property, so it does not narrow the result.",
                new JsonObject { ["type"] = "string" }),
            ["filter"] = Query("filter", "A CQL2 text filter over the collection's queryables (see /collections/{id}/queryables), e.g. "
                + "ydyhfldm LIKE '03%' AND mj > 10000; comparisons, LIKE, BETWEEN, IN, IS NULL, AND/OR/NOT, CASEI, S_INTERSECTS/S_DISJOINT/S_WITHIN/S_CONTAINS.",
                new JsonObject { ["type"] = "string" }),
            // cql-text, the draft name of the same encoding, is listed because GDAL 3.6's OAPIF driver only sends its
            // -where clauses to the server when this enum holds "cql-text".
            ["filter-lang"] = Query("filter-lang", "The filter language: cql2-text (cql-text, its pre-release name, is read the same way).",
                new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("cql2-text", "cql-text"), ["default"] = "cql2-text" }),
            ["filter-crs"] = Query("filter-crs", "CRS of the geometry literals in filter (default CRS84; axis order per the CRS).",
                new JsonObject { ["type"] = "string", ["format"] = "uri", ["enum"] = crsUris.DeepClone() }),
            ["sortby"] = Query("sortby", "Sort keys: queryables, each prefixed + (ascending, default) or - (descending), e.g. -mj,+bsm.",
                new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[+-]?[A-Za-z_][A-Za-z0-9_]*$" } }),
            ["featureId"] = Path("featureId", "The feature's integer id.", new JsonObject { ["type"] = "string" }),
            ["tileMatrixSetId"] = Path("tileMatrixSetId", "Tile matrix set",
                new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. TileMatrixSets.All.Select(s => (JsonNode)s.Id)]) }),
            ["tileMatrix"] = Path("tileMatrix", "Tile matrix (zoom level) identifier", new JsonObject { ["type"] = "string" }),
            ["tileRow"] = Path("tileRow", "Row from the top", new JsonObject { ["type"] = "integer", ["minimum"] = 0 }),
            ["tileCol"] = Path("tileCol", "Column from the left", new JsonObject { ["type"] = "integer", ["minimum"] = 0 }),
            ["tileFormat"] = Query("f", "Tile format: mvt (default) or png.", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("mvt", "png") }),
        };
    }

    private static JsonObject Query(string name, string description, JsonObject schema) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["required"] = false,
        ["description"] = description,
        ["schema"] = schema,
        ["style"] = "form",
        ["explode"] = false,
    };

    private static JsonObject Path(string name, string description, JsonObject schema) => new()
    {
        ["name"] = name,
        ["in"] = "path",
        ["required"] = true,
        ["description"] = description,
        ["schema"] = schema,
    };

    private static JsonObject Schemas() => new()
    {
        ["problem"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string" },
                ["title"] = new JsonObject { ["type"] = "string" },
                ["status"] = new JsonObject { ["type"] = "integer" },
                ["detail"] = new JsonObject { ["type"] = "string" },
                ["parameter"] = new JsonObject { ["type"] = "string" },
            },
        },
    };
}

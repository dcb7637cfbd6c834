namespace TileServer.Configuration;

using TileServer.Core.Errors;
using TileServer.Core.Features;
using TileServer.Core.Layers;
using TileServer.SampleData;
using TileServer.Services.Layers;
using TileServer.Sources.GeoPackage;
using TileServer.Sources.PostGis;

/// <summary>Opens the sources the layers need and binds the layers to them. With TILESERVER_POSTGIS set,
/// PostGIS becomes the default source: the configured layers are read from its tables of the same names,
/// and, with no layers configured or DiscoverLayers on, every readable geometry table is published.</summary>
public static class CatalogFactory
{
    public static LayerCatalog Open(TileServerSettings settings, string root, string? postGisConnection)
    {
        var sourceSettings = new Dictionary<string, SourceSettings>(settings.Sources, StringComparer.Ordinal);
        string defaultSource = settings.DefaultSource;
        if (!string.IsNullOrWhiteSpace(postGisConnection))
        {
            sourceSettings[TileServerSettings.PostGisSourceId] = new SourceSettings { Type = SourceSettings.PostGis, ConnectionString = postGisConnection };
            defaultSource = TileServerSettings.PostGisSourceId;
        }

        var definitions = settings.Layers.Select(l => string.IsNullOrEmpty(l.Source) ? l with { Source = defaultSource } : l).ToList();
        bool discover = settings.DiscoverLayers || definitions.Count == 0;
        var needed = definitions.Select(d => d.Source).Append(discover ? defaultSource : null).OfType<string>().Distinct().ToList();
        var sources = new List<IFeatureSource>();
        foreach (string id in needed)
        {
            if (!sourceSettings.TryGetValue(id, out var source))
            {
                throw new ConfigurationException($"unknown source '{id}' (configured: {string.Join(", ", sourceSettings.Keys)})");
            }

            sources.Add(OpenSource(id, source, root));
        }

        if (discover)
        {
            var covered = definitions.Where(d => d.Source == defaultSource).Select(d => d.Table).ToHashSet(StringComparer.Ordinal);
            var ids = definitions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var table in sources.Single(s => s.Id == defaultSource).Layers.Where(t => !covered.Contains(t.Table)))
            {
                if (ids.Add(table.Table))
                {
                    definitions.Add(Discovered(defaultSource, table));
                }
            }
        }

        return new LayerCatalog(definitions, sources);
    }

    /// <summary>A layer for a discovered table: all columns as attributes, bsm as id when present.</summary>
    private static LayerDefinition Discovered(string source, SourceLayerInfo table) => new()
    {
        Id = table.Table,
        Source = source,
        Table = table.Table,
        TitleZh = table.Table,
        TitleEn = table.Table,
        IdField = table.Fields.Any(f => f.Name == "bsm") ? "bsm" : null,
        MinZoom = 0,
        MaxZoom = 16,
    };

    private static IFeatureSource OpenSource(string id, SourceSettings source, string root)
    {
        switch (source.Type.ToLowerInvariant())
        {
            case SourceSettings.GeoPackage:
                string path = ProjectPaths.Resolve(root, source.Path);
                if (!File.Exists(path) && source.GenerateSampleIfMissing)
                {
                    Cli.SampleCommand.Generate(path, new SampleOptions());
                }

                return new GeoPackageFeatureSource(id, path);
            case SourceSettings.PostGis:
                return new PostGisFeatureSource(id, new PostGisSourceOptions
                {
                    ConnectionString = source.ConnectionString,
                    MaxPoolSize = source.MaxPoolSize,
                    StatementTimeout = TimeSpan.FromSeconds(source.StatementTimeoutSeconds),
                });
            default:
                throw new ConfigurationException($"source '{id}': unknown type '{source.Type}' (expected 'geopackage' or 'postgis')");
        }
    }
}

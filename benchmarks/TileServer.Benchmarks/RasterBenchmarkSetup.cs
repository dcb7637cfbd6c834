namespace TileServer.Benchmarks;

using TileServer.Caching;
using TileServer.Core.Layers;
using TileServer.Services.Layers;
using TileServer.Services.Raster;
using TileServer.Sources.GeoPackage;
using TileServer.Styling;

/// <summary>The layers and styles the server ships with (styles/landuse.json, control_lines.json) over the
/// benchmark GeoPackage, with the zoom ranges of config/tileserver.json, shared by the raster benchmarks and the Mapnik comparison's tile list.</summary>
public static class RasterBenchmarkSetup
{
    public static ILayerCatalog Catalog()
    {
        var source = new GeoPackageFeatureSource("sample", BenchmarkData.PingquanGeoPackage());
        return new LayerCatalog(
        [
            new LayerDefinition { Id = "ghyd", Source = "sample", Table = "ghyd", IdField = "bsm", MinZoom = 10, MaxZoom = 16 },
            new LayerDefinition { Id = "yjjbnt", Source = "sample", Table = "yjjbnt", IdField = "bsm", MinZoom = 8, MaxZoom = 16 },
            new LayerDefinition { Id = "stbhhx", Source = "sample", Table = "stbhhx", IdField = "bsm", MinZoom = 6, MaxZoom = 16 },
            new LayerDefinition { Id = "czkfbj", Source = "sample", Table = "czkfbj", IdField = "bsm", MinZoom = 6, MaxZoom = 16 },
        ], [source]);
    }

    public static RasterTileService Service(RasterTileOptions? options = null)
    {
        var styles = StyleRegistry.LoadDirectory(StylesDirectory());
        var binder = new RasterStyleBinder(styles, new Dictionary<string, string>
        {
            ["ghyd"] = "landuse",
            ["yjjbnt"] = "control_lines",
            ["stbhhx"] = "control_lines",
            ["czkfbj"] = "control_lines",
        });
        return new RasterTileService(new MemoryTileCache(new MemoryTileCacheOptions()), binder, options ?? new RasterTileOptions());
    }

    /// <summary>styles/ of the repository, found upwards from the working or base directory.</summary>
    public static string StylesDirectory()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "styles", "landuse.json");
                if (File.Exists(candidate))
                {
                    return Path.GetDirectoryName(candidate)!;
                }
            }
        }

        throw new DirectoryNotFoundException("styles/landuse.json not found above the working directory");
    }
}

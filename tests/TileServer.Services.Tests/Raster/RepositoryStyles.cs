namespace TileServer.Services.Tests.Raster;

/// <summary>Finds the repository root (the folder holding styles/landuse.json) from the test's output folder,
/// so the tests draw with the shipped styles.</summary>
internal static class RepositoryStyles
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "styles", "landuse.json")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("styles/landuse.json not found above " + AppContext.BaseDirectory);
    }
}

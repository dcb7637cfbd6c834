namespace TileServer.Styling.Tests;

/// <summary>Finds the repository root (the folder holding config/tileserver.json) from the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Styles => Path.Combine(Root, "styles");

    public static string Reference(string file) => Path.Combine(Root, "data", "reference", file);

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "config", "tileserver.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}

namespace TileServer.Configuration;

/// <summary>Finds the project root (the folder holding config/tileserver.json) so that the server and
/// its CLI verbs work from the repository root, from a build output folder or from a container.</summary>
public static class ProjectPaths
{
    public const string ConfigRelativePath = "config/tileserver.json";

    public static string FindRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, ConfigRelativePath)))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    public static string Resolve(string root, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(root, path));
}

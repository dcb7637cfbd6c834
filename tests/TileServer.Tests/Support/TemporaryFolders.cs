namespace TileServer.Tests.Support;

using System.Collections.Concurrent;

/// <summary>
/// Temp folders for GeoPackages that fixtures share for the whole run (the shared sample, a server's edited copy):
/// their files may still be open in SQLite's connection pools when a test ends, so they are removed when the test
/// process exits rather than by each test. Without this every run left 60–130 MB in /tmp.
/// </summary>
public static class TemporaryFolders
{
    private static readonly ConcurrentBag<string> Created = [];

    static TemporaryFolders() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();

    /// <summary>A new empty folder under the system temp path, named <paramref name="prefix"/> plus a random suffix.</summary>
    public static string Create(string prefix)
    {
        string path = Directory.CreateTempSubdirectory(prefix).FullName;
        Created.Add(path);
        return path;
    }

    private static void DeleteAll()
    {
        foreach (string path in Created)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // Best effort at exit: a folder still in use stays for the OS's temp cleaning.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}

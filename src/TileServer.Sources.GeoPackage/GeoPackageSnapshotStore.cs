namespace TileServer.Sources.GeoPackage;

using TileServer.Core.Features;

/// <summary>Snapshots as GeoPackage files in a private temp folder, each served by a <see cref="GeoPackageFeatureSource"/>.
/// A snapshot is released (closed and deleted) two writes after it was replaced: a query takes milliseconds, a
/// recomputation seconds, so no running query loses its file, and the folder holds at most three files.</summary>
public sealed class GeoPackageSnapshotStore : IFeatureSnapshotStore, IDisposable
{
    private const int Kept = 3;
    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("tileserver-snapshots-").FullName;
    private readonly Queue<(GeoPackageFeatureSource Source, string Path)> snapshots = new();
    private readonly Lock gate = new();
    private long written;

    /// <summary>The folder holding the snapshot files.</summary>
    public string Folder => directory;

    public IFeatureSource Write(string sourceId, FeatureLayerData layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        string path = Path.Combine(directory, $"snapshot-{Interlocked.Increment(ref written)}.gpkg");
        GeoPackageWriter.Write(path, [layer]);
        var source = new GeoPackageFeatureSource(sourceId, path);
        lock (gate)
        {
            snapshots.Enqueue((source, path));
            while (snapshots.Count > Kept)
                Release(snapshots.Dequeue());
        }

        return source;
    }

    public void Dispose()
    {
        lock (gate)
        {
            while (snapshots.Count > 0)
                Release(snapshots.Dequeue());
        }

        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder the OS cleans anyway.
        }
    }

    private static void Release((GeoPackageFeatureSource Source, string Path) snapshot)
    {
        snapshot.Source.Dispose();
        File.Delete(snapshot.Path);
    }
}

namespace TileServer.Sources.GeoPackage.Tests.Support;

/// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the messages in order, now.</summary>
public sealed class SynchronousProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}

namespace TileServer.Sources.PostGis.Changes;

/// <summary>What <see cref="PostGisChangeListener.InstallTriggersAsync"/> did: the tables (by key) that now report
/// their changes, and for each other table the reason it does not.</summary>
public sealed record TriggerInstallation(IReadOnlyList<string> Installed, IReadOnlyDictionary<string, string> Skipped);

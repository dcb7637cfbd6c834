namespace TileServer.Sources.GeoPackage.Tests.Support;

using TileServer.Core.Features;

public static class FeatureQueries
{
    public static async Task<List<FeatureRecord>> ToListAsync(this IFeatureSource source, FeatureQuery query, CancellationToken cancellationToken = default)
    {
        var records = new List<FeatureRecord>();
        await foreach (var record in source.QueryAsync(query, cancellationToken))
            records.Add(record);
        return records;
    }
}

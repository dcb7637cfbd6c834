namespace TileServer.Sources.PostGis.Tiles;

using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;
using TileServer.Core.Features;
using TileServer.Core.Tiling;
using TileServer.Sources.PostGis.Catalog;

/// <summary>Runs the composite tile statement of <see cref="MvtTileSql"/>.</summary>
internal sealed class MvtTileQuery(NpgsqlDataSource dataSource)
{
    /// <summary>Statement text per layer composite: building it is cheap but the identical string is
    /// what lets Npgsql's auto-prepare recognise the statement.</summary>
    private readonly ConcurrentDictionary<string, string> statements = new(StringComparer.Ordinal);

    public async Task<byte[]> ExecuteAsync(IReadOnlyList<(MvtLayerRequest Request, PostGisTable Table)> layers, TileCoordinate tile, MvtTileSettings settings, CancellationToken cancellationToken)
    {
        if (layers.Count == 0)
            return [];
        var key = string.Join('\u001f', layers.Select(l => $"{l.Request.Table}\u001e{l.Request.IdField}\u001e{string.Join('\u001e', l.Request.Fields)}"));
        var sql = statements.GetOrAdd(key, _ => MvtTileSql.Build(layers));

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int>("z", NpgsqlDbType.Integer) { TypedValue = tile.Zoom });
        command.Parameters.Add(new NpgsqlParameter<int>("x", NpgsqlDbType.Integer) { TypedValue = tile.Column });
        command.Parameters.Add(new NpgsqlParameter<int>("y", NpgsqlDbType.Integer) { TypedValue = tile.Row });
        command.Parameters.Add(new NpgsqlParameter<int>("extent", NpgsqlDbType.Integer) { TypedValue = checked((int)settings.Extent) });
        command.Parameters.Add(new NpgsqlParameter<int>("buffer", NpgsqlDbType.Integer) { TypedValue = settings.Buffer });
        command.Parameters.Add(new NpgsqlParameter<double>("margin", NpgsqlDbType.Double) { TypedValue = (double)settings.Buffer / settings.Extent });
        // Settings are in pixels of a 256-px rendering (as for the in-process encoder): convert to tile units².
        var unitsPerPixel = settings.Extent / 256.0;
        command.Parameters.Add(new NpgsqlParameter<double>("min_area", NpgsqlDbType.Double) { TypedValue = settings.MinPolygonAreaPixels * unitsPerPixel * unitsPerPixel });
        for (var i = 0; i < layers.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter<string>($"name_{i}", NpgsqlDbType.Text) { TypedValue = layers[i].Request.LayerName });
            command.Parameters.Add(new NpgsqlParameter<double>($"tolerance_{i}", NpgsqlDbType.Double) { TypedValue = Tolerance(layers[i].Table, tile, settings.SimplifyPixels) });
        }

        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result as byte[] ?? [];
    }

    /// <summary>The simplification tolerance in the table's units: <paramref name="pixels"/> 256-px pixels
    /// at the tile's centre latitude. A Web Mercator pixel spans 360°/(256·2^z) of longitude; along
    /// latitude it spans cos(φ) times that, so the smaller (latitude) span keeps the error under the
    /// pixel budget in both directions. Projected tables are assumed to be in metres (true ground size).</summary>
    private static double Tolerance(PostGisTable table, TileCoordinate tile, double pixels)
    {
        if (pixels <= 0)
            return 0;
        var bounds = WebMercator.TileBoundsDegrees(tile);
        var cosLatitude = Math.Cos((bounds.MinY + bounds.MaxY) / 2 * Math.PI / 180);
        if (table.Info.Srid == SpatialReferences.WebMercator)
            return pixels * WebMercator.Resolution(tile.Zoom);
        var degreesPerPixel = 360.0 / (256.0 * WebMercator.MatrixSize(tile.Zoom));
        return table.IsGeographic
            ? pixels * degreesPerPixel * cosLatitude
            : pixels * WebMercator.Resolution(tile.Zoom) * cosLatitude;
    }
}

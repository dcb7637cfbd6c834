namespace TileServer.Sources.GeoPackage;

using Microsoft.Data.Sqlite;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Binary;

/// <summary>The minimal SQL functions the R-tree maintenance triggers call (GeoPackage 1.3 Annex F.3
/// "Spatial Indexes" relies on ST_IsEmpty, ST_MinX, ST_MaxX, ST_MinY, ST_MaxY, which SQLite lacks).
/// Register them on any read-write connection that inserts, updates or deletes feature rows.</summary>
public static class GeoPackageSqlFunctions
{
    public static void Register(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.CreateFunction("ST_IsEmpty", (byte[]? blob) => blob is null ? (long?)null : IsEmpty(blob) ? 1L : 0L, isDeterministic: true);
        connection.CreateFunction("ST_MinX", (byte[]? blob) => Envelope(blob)?.MinX, isDeterministic: true);
        connection.CreateFunction("ST_MaxX", (byte[]? blob) => Envelope(blob)?.MaxX, isDeterministic: true);
        connection.CreateFunction("ST_MinY", (byte[]? blob) => Envelope(blob)?.MinY, isDeterministic: true);
        connection.CreateFunction("ST_MaxY", (byte[]? blob) => Envelope(blob)?.MaxY, isDeterministic: true);
    }

    private static bool IsEmpty(byte[] blob) => GeometryBlobEnvelope.Of(blob) is null;

    private static BoundingBox? Envelope(byte[]? blob) => blob is null ? null : GeometryBlobEnvelope.Of(blob);
}

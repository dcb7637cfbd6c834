namespace TileServer.Sources.GeoPackage;

using System.Globalization;
using Microsoft.Data.Sqlite;
using TileServer.Core.Features;
using TileServer.Sources.GeoPackage.Schema;
using TileServer.Sources.GeoPackage.Writing;

/// <summary>Writes feature layers as a new GeoPackage 1.3 file (user_version 10300, the newest version
/// GDAL 3.6 opens without a warning) with a 1.3 R-tree index per table.</summary>
public static class GeoPackageWriter
{
    /// <summary>Builds the file at <paramref name="path"/> + ".tmp" and moves it over
    /// <paramref name="path"/> only when complete, so readers never see a half-written package.</summary>
    public static void Write(string path, IReadOnlyList<FeatureLayerData> layers, IProgress<string>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(layers);
        Validate(layers);

        var temporaryPath = path + ".tmp";
        File.Delete(temporaryPath);
        try
        {
            Build(temporaryPath, layers, progress);
            File.Move(temporaryPath, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporaryPath);
            throw;
        }
    }

    private static void Build(string path, IReadOnlyList<FeatureLayerData> layers, IProgress<string>? progress)
    {
        // No pooling: the handle must be closed before the file is moved into place.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // The file is scratch until moved into place, so durability during the build buys nothing.
        Execute(connection, "PRAGMA journal_mode=OFF");
        Execute(connection, "PRAGMA synchronous=OFF");
        Execute(connection, "PRAGMA locking_mode=EXCLUSIVE");
        Execute(connection, "PRAGMA cache_size=-65536");
        // GeoPackage 1.3 Requirement 2: application_id 'GPKG' and user_version 10300.
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA application_id={GeoPackageCoreSql.ApplicationId}"));
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version={GeoPackageCoreSql.UserVersion}"));

        using (var transaction = connection.BeginTransaction())
        {
            CreateCoreTables(connection, transaction, layers);
            var tableWriter = new LayerTableWriter(connection, transaction, progress);
            var identifiers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var layer in layers)
            {
                var identifier = layer.Schema.Title ?? layer.Schema.Name;
                // gpkg_contents.identifier is UNIQUE; disambiguate repeated titles with the table name.
                if (!identifiers.Add(identifier))
                    identifiers.Add(identifier = $"{identifier} ({layer.Schema.Name})");
                tableWriter.Write(layer, identifier);
            }

            transaction.Commit();
        }

        // Leave an ordinary rollback-journal file for GDAL, QGIS and later edits.
        Execute(connection, "PRAGMA journal_mode=DELETE");
    }

    private static void CreateCoreTables(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<FeatureLayerData> layers)
    {
        Execute(connection, GeoPackageCoreSql.CreateSpatialRefSys, transaction);
        Execute(connection, GeoPackageCoreSql.CreateContents, transaction);
        Execute(connection, GeoPackageCoreSql.CreateGeometryColumns, transaction);
        Execute(connection, GeoPackageCoreSql.CreateExtensions, transaction);

        var definitions = SpatialReferenceCatalog.Required.ToList();
        foreach (var srid in layers.Select(l => l.Schema.Srid).Distinct())
        {
            if (definitions.Any(d => d.SrsId == srid))
                continue;
            definitions.Add(SpatialReferenceCatalog.TryGet(srid, out var definition)
                ? definition
                : throw new ArgumentException($"no spatial reference definition is known for EPSG:{srid}", nameof(layers)));
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = GeoPackageCoreSql.InsertSpatialRefSys;
        foreach (var d in definitions)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("@name", d.Name);
            insert.Parameters.AddWithValue("@id", d.SrsId);
            insert.Parameters.AddWithValue("@organization", d.Organization);
            insert.Parameters.AddWithValue("@code", d.OrganizationCoordsysId);
            insert.Parameters.AddWithValue("@definition", d.Definition);
            insert.Parameters.AddWithValue("@description", d.Description);
            insert.ExecuteNonQuery();
        }
    }

    private static void Validate(IReadOnlyList<FeatureLayerData> layers)
    {
        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var layer in layers)
        {
            var name = layer.Schema.Name;
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException("every layer needs a table name", nameof(layers));
            // GeoPackage 1.3 reserves the gpkg_ prefix for its own tables and Annex F.3 the rtree_ prefix.
            if (name.StartsWith("gpkg_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("rtree_", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"layer {name}: table names may not start with gpkg_ or rtree_", nameof(layers));
            if (!tables.Add(name))
                throw new ArgumentException($"layer {name} appears more than once", nameof(layers));

            var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { LayerTableWriter.IdColumn, LayerTableWriter.GeometryColumn };
            foreach (var field in layer.Schema.Fields)
            {
                if (string.IsNullOrWhiteSpace(field.Name) || !columns.Add(field.Name))
                    throw new ArgumentException($"layer {name}: field name '{field.Name}' is empty, reserved or repeated", nameof(layers));
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

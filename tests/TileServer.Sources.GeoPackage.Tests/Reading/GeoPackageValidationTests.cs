namespace TileServer.Sources.GeoPackage.Tests.Reading;

using TileServer.Core.Errors;
using TileServer.Sources.GeoPackage.Tests.Support;

/// <summary>Files that are not GeoPackages fail at construction with one line naming the file.</summary>
public sealed class GeoPackageValidationTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Missing_file_names_the_file()
    {
        var path = directory.File("absent.gpkg");

        var error = Assert.Throws<DataSourceException>(() => new GeoPackageFeatureSource("x", path));

        Assert.Equal($"{path}: GeoPackage file not found", error.Message);
    }

    [Fact]
    public void Text_file_named_gpkg_is_not_an_sqlite_database()
    {
        var path = directory.File("notes.gpkg");
        File.WriteAllText(path, "This is a plain text file pretending to be a GeoPackage, long enough to fill a header.\n");

        var error = Assert.Throws<DataSourceException>(() => new GeoPackageFeatureSource("x", path));

        Assert.Equal($"{path}: not a GeoPackage (file is not an SQLite database)", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Sqlite_file_without_geopackage_tables_is_rejected()
    {
        var path = directory.File("plain.sqlite");
        using (var connection = CreateDatabase(path))
            Sql.Execute(connection, "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)");

        var error = Assert.Throws<DataSourceException>(() => new GeoPackageFeatureSource("x", path));

        Assert.Equal($"{path}: not a GeoPackage (no gpkg_contents/gpkg_geometry_columns tables)", error.Message);
    }

    [Fact]
    public void Empty_file_is_rejected_as_having_no_geopackage_tables()
    {
        var path = directory.File("empty.gpkg");
        File.WriteAllBytes(path, []);

        var error = Assert.Throws<DataSourceException>(() => new GeoPackageFeatureSource("x", path));

        Assert.StartsWith($"{path}: not a GeoPackage", error.Message);
    }

    private static Microsoft.Data.Sqlite.SqliteConnection CreateDatabase(string path)
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadWriteCreate;Pooling=False");
        connection.Open();
        return connection;
    }
}

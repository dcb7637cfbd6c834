namespace TileServer.Sources.PostGis.Tests.Import;

using System.Globalization;
using System.Text;
using TileServer.Core.Features;

/// <summary>A stored-row reader over rows held in memory (WKB and values), for exercising the importer's row path
/// without a GeoPackage. <see cref="FailAtRow"/> makes <see cref="Read"/> throw there, as a broken file would.</summary>
internal sealed class ListRowReader(IReadOnlyList<FieldDefinition> fields, IReadOnlyList<(byte[] Wkb, object?[] Values)> rows) : IStoredFeatureRowReader
{
    private int current = -1;

    public IReadOnlyList<FieldDefinition> Fields { get; } = fields;

    public int FailAtRow { get; init; } = -1;

    public int RowsRead => current + 1;

    public ReadOnlySpan<byte> Wkb => rows[current].Wkb;

    public bool Read()
    {
        if (current + 1 == FailAtRow)
            throw new InvalidDataException($"row {FailAtRow} is unreadable");
        return ++current < rows.Count;
    }

    public bool IsNull(int field) => rows[current].Values[field] is null;

    public long GetInt64(int field) => Convert.ToInt64(rows[current].Values[field], CultureInfo.InvariantCulture);

    public double GetDouble(int field) => Convert.ToDouble(rows[current].Values[field], CultureInfo.InvariantCulture);

    public ReadOnlySpan<byte> GetUtf8(int field) => Encoding.UTF8.GetBytes((string)rows[current].Values[field]!);

    public void Dispose()
    {
    }
}

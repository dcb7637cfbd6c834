namespace TileServer.Protocols.Wfs.Tests;

using System.Globalization;
using System.Xml.Linq;

/// <summary>posList text written from the reused char buffer: every number round-trips to the exact double of
/// the source (lon + 0.01 sums such as 118.71000000000001 included), in the axis order of the srsName form.</summary>
public sealed class GmlPositionTests
{
    private static readonly XNamespace Gml = WfsNamespaces.Gml;
    private static readonly double[] Longitudes = [118.70, 118.72, 118.74]; // the squares of WfsTestData

    [Theory]
    [InlineData("EPSG:4490", false)]
    [InlineData("urn:ogc:def:crs:EPSG::4490", true)]
    public async Task Positions_round_trip_exactly(string srsName, bool latitudeFirst)
    {
        var (service, _) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, $"?service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:ghyd&srsName={srsName}");
        Assert.Equal(200, status);
        var lists = XElement.Parse(body).Descendants(Gml + "posList").ToList();
        Assert.Equal(3, lists.Count);
        for (int f = 0; f < lists.Count; f++)
        {
            var numbers = lists[f].Value.Split(' ').Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
            var expected = WfsTestData.Square(Longitudes[f], 40.90, 0.01).Coordinates;
            Assert.Equal(expected.Length * 2, numbers.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(latitudeFirst ? expected[i].Y : expected[i].X, numbers[2 * i]);
                Assert.Equal(latitudeFirst ? expected[i].X : expected[i].Y, numbers[(2 * i) + 1]);
            }
        }
    }
}

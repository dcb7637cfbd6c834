namespace TileServer.Protocols.Indicators.Tests;

using TileServer.Services.Planning;

public sealed class IndicatorCsvTests
{
    [Fact]
    public void Rows_are_crlf_terminated_with_invariant_numbers_and_empty_cells_for_nulls()
    {
        string csv = IndicatorCsv.Write(ReportSamples.Report, ReportSamples.Report.Units);
        var lines = csv.Split("\r\n");
        Assert.Equal(4, lines.Length);
        Assert.Equal("", lines[3]);
        Assert.Equal("xzqdm,xzqmc,indicator,name_zh,name_en,unit,value,value_km2,value_wanmu,target,bound,status,margin,margin_percent,crs,area_method", lines[0]);
        Assert.Equal("130881,平泉市,farmland,耕地保有量,Farmland,万亩,80.5,536.6667,80.5,79.78,min,met,0.72,0.9025,EPSG:4549,gauss-kruger", lines[1]);
        Assert.Equal("130881,平泉市,urban_boundary_expansion_multiple,城镇开发边界扩展倍数,Urban boundary expansion multiple,×,1.2,,,1.15,max,not met,-0.05,-4.348,EPSG:4549,gauss-kruger", lines[2]);
    }

    [Fact]
    public void Fields_with_commas_or_quotes_are_quoted_per_rfc_4180()
    {
        var unit = ReportSamples.Unit with { Xzqmc = "a,\"b\"" };
        string csv = IndicatorCsv.Write(ReportSamples.Report, [unit]);
        Assert.Contains("130881,\"a,\"\"b\"\"\",farmland,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_unit_list_gives_only_the_header()
    {
        Assert.Single(IndicatorCsv.Write(ReportSamples.Report, Array.Empty<UnitIndicators>()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }
}

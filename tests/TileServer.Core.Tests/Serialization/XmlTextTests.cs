namespace TileServer.Core.Tests.Serialization;

using System.Xml.Linq;
using TileServer.Core.Serialization;

public sealed class XmlTextTests
{
    [Theory]
    [InlineData("a\u0001b", "a\\u0001b")]
    [InlineData("\u0000", "\\u0000")]
    [InlineData("x\uFFFFy\uFFFE", "x\\uFFFFy\\uFFFE")]
    public void Characters_xml_cannot_carry_are_escaped(string text, string expected)
    {
        string printable = XmlText.Printable(text);
        Assert.Equal(expected, printable);
        // The point: the writer now accepts it.
        Assert.Contains("\\u", new XElement("t", printable).ToString(), StringComparison.Ordinal);
    }

    // Built at run time: xUnit's test-case serialization would turn a lone surrogate in InlineData into U+FFFD.
    [Fact]
    public void Lone_surrogates_are_escaped()
    {
        Assert.Equal("lone \\uD800 high", XmlText.Printable("lone " + (char)0xD800 + " high"));
        Assert.Equal("\\uDC00 low first", XmlText.Printable((char)0xDC00 + " low first"));
    }

    [Theory]
    [InlineData("平泉市 tab\there\r\nline")]
    [InlineData("emoji \U0001F5FA pair")]
    [InlineData("")]
    public void Text_xml_can_carry_is_returned_unchanged(string text)
    {
        Assert.Same(text, XmlText.Printable(text));
    }

    [Fact]
    public void Null_is_empty()
    {
        Assert.Equal(string.Empty, XmlText.Printable(null));
    }
}

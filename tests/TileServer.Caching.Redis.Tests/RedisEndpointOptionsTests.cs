namespace TileServer.Caching.Redis.Tests;

public sealed class RedisEndpointOptionsTests
{
    [Fact]
    public void Parses_every_key()
    {
        var options = RedisEndpointOptions.Parse("cache.local:6380,password=s3cret,database=3,connectTimeout=1500,syncTimeout=250,user=tiles");
        Assert.Equal("cache.local", options.Host);
        Assert.Equal(6380, options.Port);
        Assert.Equal("s3cret", options.Password);
        Assert.Equal("tiles", options.User);
        Assert.Equal(3, options.Database);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.SyncTimeout);
        Assert.DoesNotContain("s3cret", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_and_ipv6()
    {
        var plain = RedisEndpointOptions.Parse("localhost");
        Assert.Equal(6379, plain.Port);
        Assert.Null(plain.Password);
        Assert.Equal(0, plain.Database);

        var v6 = RedisEndpointOptions.Parse("[::1]:7000, abortConnect=false");
        Assert.Equal("::1", v6.Host);
        Assert.Equal(7000, v6.Port);
        Assert.Equal("[::1]:7000", v6.EndPointText);
    }

    [Theory]
    [InlineData("")]
    [InlineData("password=x")]
    [InlineData("host:0")]
    [InlineData("host:70000")]
    [InlineData("host:6379,database=-1")]
    [InlineData("host:6379,syncTimeout=soon")]
    [InlineData("host:6379,ssl=true")]
    [InlineData("host:6379,other:6380")]
    public void Rejects_malformed_strings(string text)
    {
        Assert.Throws<FormatException>(() => RedisEndpointOptions.Parse(text));
    }
}

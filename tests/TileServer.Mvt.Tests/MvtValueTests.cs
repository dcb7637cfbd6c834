namespace TileServer.Mvt.Tests;

public sealed class MvtValueTests
{
    [Fact]
    public void Equal_values_are_equal_with_equal_hashes()
    {
        Assert.Equal(MvtValue.FromString("a"), MvtValue.FromString(new string('a', 1)));
        Assert.Equal(MvtValue.FromString("a").GetHashCode(), MvtValue.FromString(new string('a', 1)).GetHashCode());
        Assert.Equal(MvtValue.FromDouble(double.NaN), MvtValue.FromDouble(double.NaN));
        Assert.True(MvtValue.FromLong(-3) == MvtValue.FromLong(-3));
    }

    [Fact]
    public void Different_kinds_or_payloads_differ()
    {
        Assert.NotEqual(MvtValue.FromLong(1), MvtValue.FromULong(1));
        Assert.NotEqual(MvtValue.FromDouble(1), MvtValue.FromFloat(1));
        Assert.NotEqual(MvtValue.FromBool(true), MvtValue.FromBool(false));
        Assert.NotEqual(MvtValue.FromString("a"), MvtValue.FromString("A"));
        Assert.NotEqual(MvtValue.FromDouble(0.0), MvtValue.FromDouble(-0.0));
    }

    [Fact]
    public void Accessors_return_the_stored_value_and_reject_the_wrong_kind()
    {
        Assert.Equal("x", MvtValue.FromString("x").AsString());
        Assert.Equal(2.5f, MvtValue.FromFloat(2.5f).AsFloat());
        Assert.Equal(long.MinValue, MvtValue.FromLong(long.MinValue).AsLong());
        Assert.Equal(ulong.MaxValue, MvtValue.FromULong(ulong.MaxValue).ToObject());
        Assert.Equal(MvtValueKind.Bool, MvtValue.FromBool(true).Kind);
        Assert.Throws<InvalidOperationException>(() => MvtValue.FromLong(1).AsString());
        Assert.Throws<InvalidOperationException>(() => default(MvtValue).ToObject());
        Assert.Throws<ArgumentNullException>(() => MvtValue.FromString(null!));
    }

    [Fact]
    public void Implicit_conversions_pick_the_natural_kind()
    {
        MvtValue text = "abc";
        MvtValue number = 5L;
        MvtValue real = 1.5;
        MvtValue flag = true;

        Assert.Equal(MvtValueKind.String, text.Kind);
        Assert.Equal(MvtValueKind.Long, number.Kind);
        Assert.Equal(MvtValueKind.Double, real.Kind);
        Assert.Equal(MvtValueKind.Bool, flag.Kind);
    }
}

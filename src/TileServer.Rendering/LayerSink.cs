namespace TileServer.Rendering;

/// <summary>Feeds one paint's coverage into a <see cref="LayerAccumulator"/> instead of the pixels.</summary>
internal readonly struct LayerSink : ICoverageSink
{
    private readonly LayerAccumulator _layer;
    private readonly float _red;
    private readonly float _green;
    private readonly float _blue;
    private readonly float _alpha;

    public LayerSink(LayerAccumulator layer, Paint paint)
    {
        _layer = layer;
        var alpha = paint.EffectiveAlpha;
        _red = paint.Color.R * alpha;
        _green = paint.Color.G * alpha;
        _blue = paint.Color.B * alpha;
        _alpha = 255f * alpha;
    }

    public void BlendRow(int y, int x0, ReadOnlySpan<float> coverage) =>
        _layer.AddRow(y, x0, coverage, _red, _green, _blue, _alpha);
}

using TileServer.Rendering;
using Xunit.Abstractions;

namespace TileServer.Rendering.Tests.Oracle;

public sealed class OracleTests(ITestOutputHelper output)
{
    public static TheoryData<string> SceneNames() => [.. Scenes.All().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(SceneNames))]
    public void Scene_matches_the_supersampled_reference(string name)
    {
        var scene = Scenes.All().Single(s => s.Name == name);
        var canvas = new RasterCanvas(scene.Width, scene.Height);
        scene.Render(canvas);
        var reference = new ReferenceRenderer(scene.Width, scene.Height);
        scene.Reference(reference);

        var difference = ImageDifference.Measure(canvas.Pixels, reference.Pixels);
        output.WriteLine($"ORACLE {name}: {difference}");
        Assert.True(difference.Mean <= 1.0, $"{name}: {difference}");
        Assert.True(difference.Max <= 24, $"{name}: {difference}");
    }

    [Fact]
    public void Reference_and_canvas_disagree_when_the_scene_differs()
    {
        // Guards the oracle itself: a wrong fill rule must be detected.
        var scene = Scenes.All().Single(s => s.Name == "star-evenodd");
        var canvas = new RasterCanvas(64, 64);
        canvas.Clear(new Rgba(250, 245, 230));
        canvas.FillPath(Geometry.ToPath([Geometry.Star(32.4, 31.7, 29)]), new Paint(Rgba.Parse("#2050C0")), FillRule.NonZero);
        var reference = new ReferenceRenderer(64, 64);
        scene.Reference(reference);
        Assert.True(ImageDifference.Measure(canvas.Pixels, reference.Pixels).Max > 100);
    }
}

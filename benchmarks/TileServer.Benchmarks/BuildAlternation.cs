namespace TileServer.Benchmarks;

using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

/// <summary>
/// Compares two builds of the renderer in one process: each build's TileServer.Benchmarks.dll (with its
/// TileServer assemblies) is loaded into its own <see cref="AssemblyLoadContext"/>, and the two render the same
/// tile alternately, render by render, with the process's CPU time taken around each render. On a shared VM whose
/// load changes from second to second, two processes run one after the other do not see the same machine
/// (their ratios scattered by ±30 % here); renders a few milliseconds apart do. Prints per tile the median CPU
/// time of each build and the median and quartiles of the paired ratios B/A, and whether the PNGs are identical.
/// </summary>
public static class BuildAlternation
{
    public static async Task RunAsync(string tileList, int rounds, string buildA, string buildB)
    {
        var a = new LoadedBuild(buildA);
        var b = new LoadedBuild(buildB);
        foreach (string line in File.ReadAllLines(tileList))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4 || parts[0].StartsWith('#'))
            {
                continue;
            }

            bool landuse = parts[0] == "ghyd";
            int z = int.Parse(parts[1], CultureInfo.InvariantCulture), x = int.Parse(parts[2], CultureInfo.InvariantCulture), y = int.Parse(parts[3], CultureInfo.InvariantCulture);
            byte[] pngA = await a.RenderAsync(landuse, z, x, y);
            byte[] pngB = await b.RenderAsync(landuse, z, x, y);
            var cpuA = new double[rounds];
            var cpuB = new double[rounds];
            var ratios = new double[rounds];
            for (int i = 0; i < rounds; i++)
            {
                // The order alternates too, so neither build always runs right after the other's render.
                for (int k = 0; k < 2; k++)
                {
                    bool first = (i + k) % 2 == 0;
                    double start = ProcessCpuClock.Milliseconds();
                    _ = await (first ? a : b).RenderAsync(landuse, z, x, y);
                    (first ? cpuA : cpuB)[i] = ProcessCpuClock.Milliseconds() - start;
                }

                ratios[i] = cpuB[i] / cpuA[i];
            }

            Array.Sort(cpuA);
            Array.Sort(cpuB);
            Array.Sort(ratios);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{parts[0]} {z}/{x}/{y} A {cpuA[rounds / 2]:F3} B {cpuB[rounds / 2]:F3} B/A {ratios[rounds / 2]:F3} (quartiles {ratios[rounds / 4]:F3}-{ratios[3 * rounds / 4]:F3}) PNG {pngA.Length} {pngB.Length} {(pngA.AsSpan().SequenceEqual(pngB) ? "identical" : "different")}"));
        }
    }

    /// <summary>One build's raster service, reached by reflection across its load context.</summary>
    private sealed class LoadedBuild
    {
        private readonly object service;
        private readonly MethodInfo produce;
        private readonly ConstructorInfo tileConstructor;
        private readonly Array landuseLayers;
        private readonly Array controlLayers;

        public LoadedBuild(string directory)
        {
            string main = Path.Combine(Path.GetFullPath(directory), "TileServer.Benchmarks.dll");
            var context = new BuildLoadContext(main);
            Assembly benchmarks = context.LoadFromAssemblyPath(main);
            Type setup = benchmarks.GetType("TileServer.Benchmarks.RasterBenchmarkSetup", throwOnError: true)!;
            object catalog = setup.GetMethod("Catalog")!.Invoke(null, null)!;
            // Optional parameters (the options of later builds) take their defaults, so builds of either shape load.
            MethodInfo serviceFactory = setup.GetMethod("Service")!;
            service = serviceFactory.Invoke(null, serviceFactory.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : null).ToArray())!;
            produce = service.GetType().GetMethod("ProduceAsync")!;
            tileConstructor = produce.GetParameters()[1].ParameterType.GetConstructor([typeof(int), typeof(int), typeof(int)])!;
            var layers = ((System.Collections.IEnumerable)catalog.GetType().GetProperty("Layers")!.GetValue(catalog)!).Cast<object>().ToList();
            Type layerType = layers[0].GetType();
            landuseLayers = Array.CreateInstance(layerType, 1);
            landuseLayers.SetValue(layers[0], 0);
            controlLayers = Array.CreateInstance(layerType, layers.Count - 1);
            for (int i = 1; i < layers.Count; i++)
            {
                controlLayers.SetValue(layers[i], i - 1);
            }
        }

        public async Task<byte[]> RenderAsync(bool landuse, int z, int x, int y)
        {
            object tile = tileConstructor.Invoke([z, x, y]);
            var task = (Task)produce.Invoke(service, [landuse ? landuseLayers : controlLayers, tile, CancellationToken.None])!;
            await task.ConfigureAwait(false);
            object result = task.GetType().GetProperty("Result")!.GetValue(task)!;
            return (byte[])result.GetType().GetProperty("Data")!.GetValue(result)!;
        }
    }

    /// <summary>Resolves a build's own assemblies from its directory; the framework is shared.</summary>
    private sealed class BuildLoadContext(string mainAssembly) : AssemblyLoadContext(isCollectible: false)
    {
        private readonly AssemblyDependencyResolver resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}

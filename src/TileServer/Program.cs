using TileServer.Cli;

return await CommandLine.RunAsync(args);

/// <summary>The host's entry point; public so that the test host (WebApplicationFactory) can start it.</summary>
public partial class Program;

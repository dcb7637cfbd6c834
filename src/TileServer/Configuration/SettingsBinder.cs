namespace TileServer.Configuration;

using TileServer.Core.Errors;

/// <summary>Binds a configuration section to its options type. A value of the wrong type ("abc" for a number) makes
/// the .NET binder throw an InvalidOperationException whose message already names the key and the value; it becomes a
/// <see cref="ConfigurationException"/>, so start-up reports it as one line instead of a stack trace.</summary>
public static class SettingsBinder
{
    public static T Bind<T>(IConfiguration configuration, string path)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            return configuration.GetSection(path).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e) when (e.InnerException is ArgumentException or FormatException)
        {
            throw new ConfigurationException(e.Message, e);
        }
    }
}

namespace TileServer.Styling;

/// <summary>A style document that cannot be used; the message names the file, the rule and the property.</summary>
public sealed class StyleFormatException : Exception
{
    public StyleFormatException(string message)
        : base(message)
    {
    }

    public StyleFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

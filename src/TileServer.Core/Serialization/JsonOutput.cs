namespace TileServer.Core.Serialization;

using System.Text.Encodings.Web;
using System.Text.Json;

/// <summary>How the server writes JSON documents: Chinese names as readable UTF-8 rather than \u escapes.
/// The relaxed encoder is safe here because these documents are served as application/json, never
/// inlined into HTML.</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}

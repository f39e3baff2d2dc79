using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataverseEmulator.WebApi;

/// <summary>An answer to an <see cref="ApiRequest"/>, written either to the wire or into a $batch part.</summary>
internal sealed class ApiResponse
{
    public const string JsonContentType = "application/json; odata.metadata=minimal";

    // Relaxed escaping keeps "+1 425…" readable in bodies instead of "\u002B1 425…"; the content type is JSON, never HTML.
    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ApiResponse(int statusCode, string? body, string? contentType)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
    }

    public int StatusCode { get; }

    public string? Body { get; }

    public string? ContentType { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase) { ["OData-Version"] = "4.0" };

    public static ApiResponse Json(int statusCode, JsonNode body) =>
        new(statusCode, body.ToJsonString(WriteOptions), JsonContentType);

    public static ApiResponse Text(int statusCode, string body) => new(statusCode, body, "text/plain");

    public static ApiResponse NoContent() => new(204, null, null);

    public static ApiResponse Error(int statusCode, string code, string message) =>
        Json(statusCode, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    public ApiResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}

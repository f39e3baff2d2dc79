using System.Net;
using System.Text.Json;
using TrayPop.Core.Diagnostics;

namespace TrayPop.Dataverse;

/// <summary>Reads Dataverse's <c>{"error":{"code","message"}}</c> body into a <see cref="DataverseException"/>.</summary>
internal static class ODataError
{
    public static DataverseException ToException(HttpStatusCode status, string body)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not an OData error body (a proxy's page, say): fall back to the status alone.
        }

        // The server's words reach logs, the console and notifications: escaped once, here, where they enter.
        var text = $"Dataverse answered {(int)status} {status}" + (message is null ? "." : $": {OutsideText.Escape(message, 512)}");
        return new DataverseException(status, OutsideText.Escape(code, 32), text);
    }
}

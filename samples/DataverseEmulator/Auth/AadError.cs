using System.Text.Json.Nodes;

namespace DataverseEmulator.Auth;

/// <summary>Error bodies shaped like Microsoft Entra ID's token endpoint: error, error_description with an AADSTS code, error_codes.</summary>
internal static class AadError
{
    public static JsonObject Create(string error, int code, string description, DateTimeOffset now, Guid traceId) => new()
    {
        ["error"] = error,
        ["error_description"] = $"AADSTS{code}: {description} Trace ID: {traceId:D} Correlation ID: {traceId:D} Timestamp: {now:yyyy-MM-dd HH:mm:ssZ}",
        ["error_codes"] = new JsonArray(code),
        ["timestamp"] = now.ToString("yyyy-MM-dd HH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["trace_id"] = traceId.ToString("D"),
        ["correlation_id"] = traceId.ToString("D"),
    };
}

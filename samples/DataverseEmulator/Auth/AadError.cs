using System.Globalization;
using System.Text.Json.Nodes;

namespace DataverseEmulator.Auth;

/// <summary>Error bodies shaped like Microsoft Entra ID's token endpoint: error, error_description with an AADSTS code, error_codes.</summary>
internal static class AadError
{
    public static JsonObject Create(string error, int code, string description, DateTimeOffset now, Guid traceId)
    {
        var timestamp = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["error"] = error,
            ["error_description"] = string.Create(
                CultureInfo.InvariantCulture,
                $"AADSTS{code}: {description} Trace ID: {traceId:D} Correlation ID: {traceId:D} Timestamp: {timestamp}"),
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = timestamp,
            ["trace_id"] = traceId.ToString("D"),
            ["correlation_id"] = traceId.ToString("D"),
        };
    }
}

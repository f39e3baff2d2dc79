using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataverseEmulator.Faults;

/// <summary>
/// The JSON form of faults for <c>/_emulator/faults</c>:
/// <c>{"kind":"latency|throttle|status|servererror|unavailable|drop","count":1,"keep":false,"delayMs":0,"retryAfterSeconds":5,"status":500,
/// "part":2,"urlPattern":"tp_phonekeys","share":0.3}</c>; <c>part</c> and <c>urlPattern</c> aim the fault at one $batch part or at URLs
/// that match; <c>share</c> makes a kept fault hit that share of the requests.
/// </summary>
internal static class FaultJson
{
    public static IReadOnlyList<(EmulatorFault Fault, int Count, bool Keep)> Parse(string json)
    {
        var root = JsonNode.Parse(json);
        var items = root switch
        {
            JsonArray array => array.ToList(),
            JsonObject single => [single],
            _ => throw new FormatException("Expected a fault object or an array of them."),
        };
        return [.. items.Select(ParseOne)];
    }

    public static JsonObject Describe(EmulatorFault fault)
    {
        var json = new JsonObject
        {
            ["kind"] = fault.Kind switch
            {
                EmulatorFaultKind.Latency => "latency",
                EmulatorFaultKind.Throttle => "throttle",
                EmulatorFaultKind.DropConnection => "drop",
                _ => "status",
            },
        };
        if (fault.StatusCode != 0)
        {
            json["status"] = fault.StatusCode;
        }

        if (fault.Delay > TimeSpan.Zero)
        {
            json["delayMs"] = (long)fault.Delay.TotalMilliseconds;
        }

        if (fault.RetryAfter > TimeSpan.Zero)
        {
            json["retryAfterSeconds"] = (long)Math.Ceiling(fault.RetryAfter.TotalSeconds);
        }

        if (fault.BatchPart is { } part)
        {
            json["part"] = part;
        }

        if (fault.UrlPattern is { } pattern)
        {
            json["urlPattern"] = pattern;
        }

        if (fault.Share < 1)
        {
            json["share"] = fault.Share;
        }

        return json;
    }

    public static JsonObject DescribeState(EmulatorFaults faults) => new()
    {
        ["pending"] = new JsonArray([.. faults.Pending.Select(f => (JsonNode)Describe(f))]),
        ["kept"] = faults.Kept is { } kept ? Describe(kept) : null,
        ["keptTargeted"] = new JsonArray([.. faults.KeptTargeted.Select(f => (JsonNode)Describe(f))]),
    };

    private static (EmulatorFault, int, bool) ParseOne(JsonNode? node)
    {
        if (node is not JsonObject item)
        {
            throw new FormatException("Each fault must be a JSON object.");
        }

        var kind = Text(item, "kind")?.ToLowerInvariant() ?? throw new FormatException("A fault needs \"kind\".");
        var delay = TimeSpan.FromMilliseconds(Number(item, "delayMs") ?? 0);
        var retryAfter = TimeSpan.FromSeconds(Number(item, "retryAfterSeconds") ?? 0);
        var fault = kind switch
        {
            "latency" or "delay" => EmulatorFault.Latency(delay),
            "throttle" or "429" => EmulatorFault.Throttle(retryAfter),
            "servererror" or "500" => EmulatorFault.ServerError(),
            "unavailable" or "503" => EmulatorFault.ServiceUnavailable(retryAfter),
            "status" => EmulatorFault.Status((int)(Number(item, "status") ?? throw new FormatException("A \"status\" fault needs \"status\"."))),
            "drop" or "dropconnection" => EmulatorFault.DropConnection(),
            _ => throw new FormatException($"Unknown fault kind '{kind}'."),
        };
        if (fault.Kind != EmulatorFaultKind.Latency && delay > TimeSpan.Zero)
        {
            fault = fault.After(delay);
        }

        if (Number(item, "part") is { } part)
        {
            fault = fault.InBatchPart((int)part);
        }

        if (Text(item, "urlPattern") is { } pattern)
        {
            fault = fault.ForUrl(pattern);
        }

        var count = (int)(Number(item, "count") ?? 1);
        var keep = item["keep"] is JsonValue k && k.GetValueKind() == JsonValueKind.True;
        if (Number(item, "share") is { } share)
        {
            if (!keep || fault.IsTargeted || share <= 0 || share > 1)
            {
                throw new FormatException("\"share\" (0 < share ≤ 1) is for a kept fault that is not aimed at a part or URL.");
            }

            fault = fault.ForShare(share);
        }
        return (fault, count, keep);
    }

    private static string? Text(JsonObject item, string name) => item[name] is JsonValue v ? v.ToString() : null;

    private static double? Number(JsonObject item, string name) => item[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        JsonValue v when double.TryParse(v.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        null => null,
        _ => throw new FormatException($"\"{name}\" must be a number."),
    };
}

using System.Text;
using System.Text.Json;
using TrayPop.Core.Diagnostics;

namespace TrayPop.Hosting.Cli;

/// <summary>
/// <c>traypop recent [--json]</c>: the last events this session's running TrayPop handled, newest first, asked over its
/// line protocol (<c>{"command":"recent"}</c>, same user only, with the token when one is set): channel, call id, type,
/// phase, caller id (masked unless <c>TrayPop:Logging:ShowNumbers</c>), outcome, status, decision, URL.
/// </summary>
internal static class RecentVerb
{
    public static Task<int> RunAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, bool json, CancellationToken cancellationToken)
    {
        var target = PopTarget.Read(settings, platform);
        if (target.LinePort == 0)
        {
            Console.Error.WriteLine("traypop recent asks over the line protocol, and TrayPop:Listener:LinePort is 0 (off). Give it a port, or remove the setting to use this session's.");
            return Task.FromResult(StartupErrors.BadConfiguration);
        }

        return Task.FromResult(PopVerb.Send(platform, target.LinePort, Line(target.Token), cancellationToken, reply => Print(reply, json)));
    }

    internal static byte[] Line(string? token)
    {
        var line = new StringBuilder("{\"command\":\"recent\"");
        if (token is not null)
        {
            line.Append(",\"token\":");
            PopLine.AppendString(line, token);
        }

        return Encoding.UTF8.GetBytes(line.Append("}\n").ToString());
    }

    private static int Print(string reply, bool json)
    {
        JsonElement events;
        using var document = JsonDocument.Parse(reply);
        if (!document.RootElement.TryGetProperty("recent", out events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("TrayPop's answer to 'recent' holds no list of events.");
        }

        if (json)
        {
            // The service masked and escaped every text; written again so what is printed is JSON whatever held the port.
            Console.WriteLine(JsonSerializer.Serialize(events));
            return 0;
        }

        if (events.GetArrayLength() == 0)
        {
            Console.WriteLine("No call events since TrayPop started.");
            return 0;
        }

        foreach (var handled in events.EnumerateArray())
        {
            // Outside text all of it: escaped again, in case something else answered on the port.
            string Field(string name) => handled.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? OutsideText.Escape(value.GetString(), 2048)
                : "-";
            Console.WriteLine($"{Field("at")}  {Field("channel")}  id {Field("callId")}  {Field("type")} {Field("phase")}  from {Field("callerId")}");
            Console.WriteLine($"    lookup {Field("outcome")} -> {Field("status")}, decision {Field("action")}, url {Field("url")}{(Field("reason") is var why && why != "-" ? $" ({why})" : "")}");
        }

        return 0;
    }
}

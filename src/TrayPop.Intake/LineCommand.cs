using System.Text.Json;

namespace TrayPop.Intake;

/// <summary>
/// A line that asks the running instance something instead of telling it about a call: <c>{"command":"recent"}</c>
/// (with <c>"token"</c> when one is set). Guarded like an event: same user, the line protocol's first-line rule, the token.
/// </summary>
internal sealed record LineCommand(string Name, string? Token)
{
    public const string Recent = "recent";

    /// <summary>The command the line carries, or null when it is no command (an event, or not JSON at all).</summary>
    public static LineCommand? Read(ReadOnlySpan<byte> line)
    {
        // Events never name a command: skip the parse for them.
        if (line.IndexOf("\"command\""u8) < 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line.ToArray(), new JsonDocumentOptions { MaxDepth = 2 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("command", out var command) || command.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var token = root.TryGetProperty("token", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return new LineCommand(command.GetString() ?? "", token);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using TrayPop.Core.Calls;

namespace TrayPop.Hosting.Cli;

/// <summary>
/// The names of call types and phases as <c>traypop pop</c> takes them and the intake reads them: the enum names in lower
/// case. Spelled out rather than reflected, since a pop pays for every millisecond; a value missing here makes
/// <see cref="PopArguments"/> fall back to System.CommandLine, never guess.
/// </summary>
internal static class CallNames
{
    private static readonly (string Name, CallType Value)[] Types =
        [("inbound", CallType.Inbound), ("outbound", CallType.Outbound), ("internal", CallType.Internal), ("predictive", CallType.Predictive)];

    private static readonly (string Name, CallPhase Value)[] Phases =
        [("now", CallPhase.Now), ("ring", CallPhase.Ring), ("answer", CallPhase.Answer), ("end", CallPhase.End)];

    public static string Of(CallType type) => Find(Types, type);

    public static string Of(CallPhase phase) => Find(Phases, phase);

    /// <summary>The value named <paramref name="name"/> in any case, as System.CommandLine parses an enum option.</summary>
    public static bool TryParse(string name, out CallType? type) => TryFind(Types, name, out type);

    /// <inheritdoc cref="TryParse(string, out CallType?)"/>
    public static bool TryParse(string name, out CallPhase? phase) => TryFind(Phases, name, out phase);

    private static string Find<T>((string Name, T Value)[] names, T value)
        where T : struct, Enum
    {
        foreach (var (name, candidate) in names)
        {
            if (EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return name;
            }
        }

        // A value added to the enum and not here: its own name, as the intake would read it.
        return value.ToString().ToLowerInvariant();
    }

    private static bool TryFind<T>((string Name, T Value)[] names, string name, out T? value)
        where T : struct, Enum
    {
        foreach (var (candidate, candidateValue) in names)
        {
            if (candidate.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidateValue;
                return true;
            }
        }

        value = null;
        return false;
    }
}

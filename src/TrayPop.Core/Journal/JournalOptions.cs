using TrayPop.Core.Calls;

namespace TrayPop.Core.Journal;

/// <summary><c>TrayPop:Journal</c>: whether and how answered calls become phonecall activities.</summary>
internal sealed class JournalOptions
{
    public const string Section = "TrayPop:Journal";

    public const string DefaultSubject = "{direction} call {name} {number}";

    /// <summary>Off by default: journaling writes to the CRM on the agent's behalf (MSI property <c>JOURNAL=1</c>).</summary>
    public bool Enabled { get; set; }

    /// <summary>Also journal calls that rang here but were never answered, as missed calls of 0 minutes.</summary>
    public bool MissedCalls { get; set; }

    /// <summary>Comma-separated call types to journal; a plain string so the MSI and the registry can carry it.</summary>
    public string CallTypes { get; set; } = "inbound, outbound, predictive";

    /// <summary>Subject template: <c>{direction}</c>, <c>{name}</c>, <c>{number}</c>.</summary>
    public string Subject { get; set; } = DefaultSubject;

    /// <summary>An answered call whose end never comes (softphone crash) is closed after this long.</summary>
    public TimeSpan MaxCallLength { get; set; } = TimeSpan.FromHours(4);

    /// <summary>The outbox database; default <c>%LOCALAPPDATA%/TrayPop/journal.db</c> (per user).</summary>
    public string? Outbox { get; set; }

    public string OutboxPath => string.IsNullOrWhiteSpace(Outbox)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "TrayPop", "journal.db")
        : Outbox;

    /// <summary>The journaled call types, or null with the word that is not one.</summary>
    public (IReadOnlySet<CallType>? Types, string? Bad) ParseCallTypes()
    {
        var types = new HashSet<CallType>();
        foreach (var word in CallTypes.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<CallType>(word, ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(word, out _))
            {
                return (null, word);
            }

            types.Add(type);
        }

        return (types, null);
    }
}

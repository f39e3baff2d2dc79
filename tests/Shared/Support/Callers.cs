using TrayPop.Core.Calls;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;

namespace TrayPop.Testing;

/// <summary>Ready-made caller ids and lookup results.</summary>
internal static class Callers
{
    public static CallerId Number(string e164 = "+14255550101", string national = "4255550101", string text = "+1 425-555-0101") =>
        new(CallerIdKind.Number, e164, national, text);

    public static CrmRecord Jane { get; } = new("contact", Guid.Parse("8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01"), "Jane Doe");

    public static CrmRecord John { get; } = new("contact", Guid.Parse("8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e02"), "John Roe");

    public static LookupResult Found(params CrmRecord[] records) => LookupResult.From(Number(), records);

    public static LookupResult Withheld { get; } = new(LookupOutcome.Withheld, CallerId.Withheld, []);

    /// <summary>The i-th call of a Recent calls list, minutes apart.</summary>
    public static RecentCall Recent(int i) =>
        new(RecentStart.AddMinutes(i), $"caller {i}", new Uri($"https://crm.example/main.aspx?pagetype=entityrecord&etn=contact&id={i}"));

    private static DateTimeOffset RecentStart { get; } = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);
}

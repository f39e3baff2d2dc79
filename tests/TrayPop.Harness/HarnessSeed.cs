using System.Globalization;
using System.Text.Json;

namespace TrayPop.Harness;

/// <summary>
/// A CRM with a thousand contacts (and some accounts and leads) whose numbers are stored in the formats people
/// type, and the caller ids that should find them.
/// </summary>
internal static class HarnessSeed
{
    public const int Contacts = 1000;

    private static readonly string[] Formats = ["({0}) {1}-{2}", "+1 {0} {1} {2}", "{0}.{1}.{2}", "+1-{0}-{1}-{2}", "1 {0} {1} {2}", "{0}-{1}-{2} x12"];

    public static string Write(string directory)
    {
        var contacts = Enumerable.Range(0, Contacts).Select(i => new Dictionary<string, object>
        {
            ["contactid"] = Id(1, i),
            ["fullname"] = $"Contact {i}",
            ["telephone1"] = Stored(i),
            ["statecode"] = 0,
        });
        var accounts = Enumerable.Range(0, 50).Select(i => new Dictionary<string, object>
        {
            ["accountid"] = Id(2, i), ["name"] = $"Account {i}", ["telephone1"] = $"+1 (312) 555-{i:0000}", ["statecode"] = 0,
        });
        var leads = Enumerable.Range(0, 50).Select(i => new Dictionary<string, object>
        {
            ["leadid"] = Id(3, i), ["fullname"] = $"Lead {i}", ["mobilephone"] = $"312.555.{5000 + i:0000}", ["statecode"] = 0,
        });
        var path = Path.Combine(directory, "seed.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { contacts, accounts, leads }));
        return path;
    }

    /// <summary>Contact <paramref name="i"/>'s number as a softphone presents it: E.164, national or a SIP URI.</summary>
    public static string CallerId(int i) => (i % 3) switch
    {
        0 => $"+1206555{i:0000}",
        1 => $"206555{i:0000}",
        _ => $"sip:+1206555{i:0000}@pbx.example;user=phone",
    };

    /// <summary>A caller nobody has stored.</summary>
    public static string Unknown(int i) => $"+1425555{i % 10_000:0000}";

    private static string Stored(int i) =>
        string.Format(CultureInfo.InvariantCulture, Formats[i % Formats.Length], "206", "555", i.ToString("0000", CultureInfo.InvariantCulture));

    private static string Id(int table, int i) => $"00000000-0000-4000-800{table}-{i:000000000000}";

    /// <summary>The id of record <paramref name="i"/> of table 1 (contacts), 2 (accounts) or 3 (leads).</summary>
    public static Guid RecordId(int table, int i) => Guid.Parse(Id(table, i));
}

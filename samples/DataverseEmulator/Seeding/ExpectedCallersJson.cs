using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataverseEmulator.Seeding;

/// <summary>
/// The expected callers of a generated seed as JSON, for tests and benchmarks:
/// <c>{"contacts":N,"accounts":N,"leads":N,"callers":[{"caller":"+1…","outcome":"match","note":"unique",
/// "matches":[{"entity":"contact","id":"…","name":"…","column":"telephone1","stored":"(425) 555-0101","format":"national"}]}]}</c>.
/// </summary>
internal static class ExpectedCallersJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject ToJson(EmulatorSeed seed) => new()
    {
        ["contacts"] = seed.Count("contacts"),
        ["accounts"] = seed.Count("accounts"),
        ["leads"] = seed.Count("leads"),
        ["callers"] = new JsonArray([.. seed.ExpectedCallers.Select(c => (JsonNode)new JsonObject
        {
            ["caller"] = c.Caller,
            ["outcome"] = c.Outcome,
            ["note"] = c.Note,
            ["matches"] = new JsonArray([.. c.Matches.Select(m => (JsonNode)new JsonObject
            {
                ["entity"] = m.Entity,
                ["id"] = m.Id.ToString("D"),
                ["name"] = m.Name,
                ["column"] = m.Column,
                ["stored"] = m.Stored,
                ["format"] = m.Format,
            })]),
        })]),
    };

    public static string ToText(EmulatorSeed seed) => ToJson(seed).ToJsonString(Indented);
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataverseEmulator.Seeding;
using DataverseEmulator.Seeding.Generation;
using DataverseEmulator.Values;

namespace DataverseEmulator;

/// <summary>
/// The records the emulator starts with, keyed by entity set name, each record shaped exactly as the
/// Web API returns it: <c>{"contacts":[{"contactid":"…","fullname":"…","telephone1":"…"}],"accounts":[…]}</c>.
/// A record without <c>statecode</c> is active (0); one without its key gets a new id.
/// Held compactly (one array of values per record), so a seed of a million contacts fits in a few hundred MB.
/// </summary>
public sealed class EmulatorSeed
{
    private EmulatorSeed(IReadOnlyList<SeedSet> sets, IReadOnlyList<ExpectedCaller> expectedCallers)
    {
        SetsInOrder = sets;
        ExpectedCallers = expectedCallers;
    }

    /// <summary>The built-in sample: a dozen contacts, three accounts and two leads with varied phone formats.</summary>
    public static EmulatorSeed Sample => Parse(SampleSeed.Json);

    /// <summary>Entity set names in the seed, e.g. "contacts".</summary>
    public IReadOnlyCollection<string> EntitySets => [.. SetsInOrder.Select(s => s.SetName)];

    /// <summary>
    /// For a generated seed, callers whose answer is known (one record, several, or none among near misses), for
    /// tests and benchmarks; empty for a seed read from JSON.
    /// </summary>
    public IReadOnlyList<ExpectedCaller> ExpectedCallers { get; }

    internal IReadOnlyList<SeedSet> SetsInOrder { get; }

    /// <summary>Copies of the records as JSON objects (fine for small seeds and tests; a large seed is better read through the store).</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> Sets =>
        SetsInOrder.ToDictionary(s => s.SetName, s => (IReadOnlyList<JsonObject>)[.. s.Rows.Select(r => ToJsonObject(s, r))], StringComparer.Ordinal);

    /// <exception cref="FormatException">The file is not a seed document.</exception>
    public static EmulatorSeed Load(string path) => new(SeedReader.Read(File.ReadAllBytes(path)), []);

    /// <exception cref="FormatException">The text is not a seed document.</exception>
    public static EmulatorSeed Parse(string json) => new(SeedReader.Read(Encoding.UTF8.GetBytes(json)), []);

    /// <summary>
    /// A synthetic organisation of <paramref name="contacts"/> contacts (and a tenth as many accounts and leads) whose
    /// phone numbers are stored in mixed formats across several countries, with near-miss decoys; the same
    /// <paramref name="seedNumber"/> always gives the same records.
    /// </summary>
    public static EmulatorSeed Generate(int contacts, int seedNumber = 1, int expectedCallers = SeedGenerator.DefaultExpectedCallers)
    {
        var generated = new SeedGenerator(seedNumber).Generate(contacts, expectedCallers);
        return new EmulatorSeed(generated.Sets, generated.ExpectedCallers);
    }

    /// <summary>Number of records the seed holds for an entity set.</summary>
    public int Count(string entitySet) => SetsInOrder.FirstOrDefault(s => s.SetName == entitySet)?.Rows.Count ?? 0;

    /// <summary>The seed as JSON, in the same format <see cref="Parse"/> reads.</summary>
    public string ToJson()
    {
        var root = new JsonObject();
        foreach (var (setName, rows) in Sets)
        {
            root[setName] = new JsonArray([.. rows]);
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Writes the seed as JSON (one record per line) without building it in memory first.</summary>
    public void WriteJson(Stream stream) => SeedWriter.Write(stream, SetsInOrder);

    private static JsonObject ToJsonObject(SeedSet set, SeedRow row)
    {
        var json = new JsonObject();
        var layout = set.Layout;
        for (var i = 0; i < layout.Count; i++)
        {
            var name = layout.Names[i];
            if (name == layout.KeyColumn)
            {
                if (row.Id is { } id)
                {
                    json[name] = id.ToString("D");
                }
            }
            else if (i < row.Cells.Length && row.Cells[i] is { } value)
            {
                json[name] = CellValues.ToJson(value);
            }
        }

        return json;
    }
}

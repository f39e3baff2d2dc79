using System.Text.Json;
using System.Text.Json.Nodes;
using DataverseEmulator.Seeding;
using DataverseEmulator.Store;

namespace DataverseEmulator;

/// <summary>
/// The records the emulator starts with, keyed by entity set name, each record shaped exactly as the
/// Web API returns it: <c>{"contacts":[{"contactid":"…","fullname":"…","telephone1":"…"}],"accounts":[…]}</c>.
/// A record without <c>statecode</c> is active (0); one without its key gets a new id.
/// </summary>
public sealed class EmulatorSeed
{
    private EmulatorSeed(IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> sets) => Sets = sets;

    /// <summary>The built-in sample: a dozen contacts, three accounts and two leads with varied phone formats.</summary>
    public static EmulatorSeed Sample => Parse(SampleSeed.Json);

    /// <summary>Entity set names in the seed, e.g. "contacts".</summary>
    public IReadOnlyCollection<string> EntitySets => [.. Sets.Keys];

    internal IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> Sets { get; }

    /// <exception cref="FormatException">The file is not a seed document.</exception>
    public static EmulatorSeed Load(string path) => Parse(File.ReadAllText(path));

    /// <exception cref="FormatException">The text is not a seed document.</exception>
    public static EmulatorSeed Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The seed is not valid JSON: {ex.Message}", ex);
        }

        if (root is not JsonObject sets)
        {
            throw new FormatException("The seed must be a JSON object whose properties are entity set names, e.g. {\"contacts\":[…]}.");
        }

        var result = new Dictionary<string, IReadOnlyList<JsonObject>>(StringComparer.Ordinal);
        foreach (var (setName, value) in sets)
        {
            if (value is not JsonArray rows || rows.Any(r => r is not JsonObject))
            {
                throw new FormatException($"The seed's \"{setName}\" must be an array of record objects.");
            }

            result[setName] = [.. rows.Select(r => (JsonObject)r!.DeepClone())];
            CheckRecords(setName, result[setName]);
        }

        return new EmulatorSeed(result);
    }

    /// <summary>Keys must be GUIDs and unique, and statecode a whole number: a seed that breaks this is a mistake to report early.</summary>
    private static void CheckRecords(string setName, IReadOnlyList<JsonObject> rows)
    {
        var key = EntityCatalog.ForSeedSet(setName, []).KeyColumn;
        var seen = new HashSet<Guid>();
        foreach (var row in rows)
        {
            if (row[key] is { } keyNode)
            {
                if (keyNode.GetValueKind() != JsonValueKind.String || !Guid.TryParse(keyNode.GetValue<string>(), out var id))
                {
                    throw new FormatException($"The seed's \"{setName}\" has a {key} that is not a GUID: {keyNode.ToJsonString()}.");
                }

                if (!seen.Add(id))
                {
                    throw new FormatException($"The seed's \"{setName}\" has two records with {key} {id:D}.");
                }
            }

            if (row["statecode"] is { } state && (state.GetValueKind() != JsonValueKind.Number || !state.AsValue().TryGetValue<int>(out _)))
            {
                throw new FormatException($"The seed's \"{setName}\" has a statecode that is not a whole number: {state.ToJsonString()}.");
            }
        }
    }

    /// <summary>Number of records the seed holds for an entity set.</summary>
    public int Count(string entitySet) => Sets.TryGetValue(entitySet, out var rows) ? rows.Count : 0;

    /// <summary>The seed as JSON, in the same format <see cref="Parse"/> reads.</summary>
    public string ToJson()
    {
        var root = new JsonObject();
        foreach (var (setName, rows) in Sets)
        {
            root[setName] = new JsonArray([.. rows.Select(r => r.DeepClone())]);
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}

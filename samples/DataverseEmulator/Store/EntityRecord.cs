using System.Globalization;
using System.Text.Json.Nodes;

namespace DataverseEmulator.Store;

/// <summary>
/// One row: its key, its columns as the Web API returns them, and the row version behind its ETag.
/// Never changed after it is stored: an update stores a new record, so readers holding a snapshot are safe.
/// </summary>
internal sealed class EntityRecord
{
    public EntityRecord(Guid id, JsonObject values, long version)
    {
        Id = id;
        Values = values;
        Version = version;

        // JsonNode.Parse builds objects lazily; build them now so concurrent readers never race to do it.
        Materialize(values);
    }

    public Guid Id { get; }

    public JsonObject Values { get; }

    public long Version { get; }

    public string ETag => string.Create(CultureInfo.InvariantCulture, $"W/\"{Version}\"");

    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Materialize(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Materialize(child);
                }

                break;
        }
    }
}

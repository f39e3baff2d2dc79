using System.Globalization;
using System.Text.Json.Nodes;

namespace DataverseEmulator.Store;

/// <summary>One row: its key, its columns as the Web API returns them, and the row version behind its ETag.</summary>
internal sealed class EntityRecord(Guid id, JsonObject values, long version)
{
    public Guid Id { get; } = id;

    public JsonObject Values { get; } = values;

    public long Version { get; set; } = version;

    public string ETag => string.Create(CultureInfo.InvariantCulture, $"W/\"{Version}\"");
}

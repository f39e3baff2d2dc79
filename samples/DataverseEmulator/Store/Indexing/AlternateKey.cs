using System.Text.Json.Nodes;

namespace DataverseEmulator.Store.Indexing;

/// <summary>
/// An alternate key (EntityKeyMetadata) and, once its index job has finished, the index behind it: sorted on the
/// key's first column, unique over all of them. Changed only under the table's lock.
/// </summary>
internal sealed class AlternateKey(Guid metadataId, string schemaName, IReadOnlyList<string> attributes, JsonNode? displayName, DateTimeOffset createdOn)
{
    public Guid MetadataId { get; } = metadataId;

    public string SchemaName { get; } = schemaName;

    public string LogicalName { get; } = schemaName.ToLowerInvariant();

    public IReadOnlyList<string> KeyAttributes { get; } = attributes;

    public JsonNode? DisplayName { get; } = displayName;

    public DateTimeOffset CreatedOn { get; } = createdOn;

    public KeyIndexStatus Status { get; set; } = KeyIndexStatus.Pending;

    /// <summary>Set while <see cref="Status"/> is Active.</summary>
    public SortedIndex<string>? Index { get; set; }

    public string FirstAttribute => KeyAttributes[0];

    /// <summary>The key's values in a row, as text; null when one is empty (such rows are neither indexed nor unique).</summary>
    public string[]? ValuesOf(EntityRecord record)
    {
        var values = new string[KeyAttributes.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (Values.CellValues.ToText(record.Get(KeyAttributes[i])) is not { } text)
            {
                return null;
            }

            values[i] = text;
        }

        return values;
    }

    public bool Matches(IReadOnlyCollection<string> attributes) =>
        attributes.Count == KeyAttributes.Count && KeyAttributes.All(a => attributes.Contains(a, StringComparer.Ordinal));
}

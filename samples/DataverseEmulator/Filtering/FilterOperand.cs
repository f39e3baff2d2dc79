using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

/// <summary>One side of a comparison: a column of the record or a literal.</summary>
internal abstract class FilterOperand
{
    public abstract JsonNode? Resolve(JsonObject record);
}

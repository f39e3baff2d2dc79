using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

/// <summary>A boolean expression of a parsed $filter, evaluated against one record.</summary>
internal abstract class FilterNode
{
    public abstract bool Evaluate(JsonObject record);
}

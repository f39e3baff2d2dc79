using System.Text.Json.Nodes;

namespace DataverseEmulator.Filtering;

/// <summary>A boolean expression of a parsed $filter, evaluated against one row.</summary>
internal abstract class FilterNode
{
    public abstract bool Evaluate(IRowValues row);

    public bool Evaluate(JsonObject record) => Evaluate(new JsonObjectRow(record));
}

using System.Text.Json.Nodes;
using DataverseEmulator.Values;

namespace DataverseEmulator.Filtering;

/// <summary>A JSON object read as a row, for filters over documents that are not stored rows (metadata, tests).</summary>
internal sealed class JsonObjectRow(JsonObject record) : IRowValues
{
    public object? Get(string column) => CellValues.FromJson(record[column]);
}

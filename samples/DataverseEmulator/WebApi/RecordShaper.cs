using System.Text.Json.Nodes;
using DataverseEmulator.Store;
using DataverseEmulator.Values;

namespace DataverseEmulator.WebApi;

/// <summary>Turns a stored row into the JSON object the Web API returns: etag first, selected columns, key always.</summary>
internal static class RecordShaper
{
    public static JsonObject Shape(EntityRecord record, EntityDefinition entity, IReadOnlyList<string>? select, PreferHeader prefer)
    {
        var shaped = new JsonObject { ["@odata.etag"] = record.ETag };
        var columns = select ?? entity.Columns;
        foreach (var column in columns)
        {
            AddColumn(shaped, record, column, prefer);
        }

        // The primary key comes back whether or not it was selected.
        AddColumn(shaped, record, entity.KeyColumn, prefer);
        return shaped;
    }

    /// <summary>The part of @odata.context after "$metadata#": the set and, when selected, the columns.</summary>
    public static string ContextFragment(EntityDefinition entity, IReadOnlyList<string>? select) =>
        select is null ? entity.SetName : $"{entity.SetName}({string.Join(',', select)})";

    private static void AddColumn(JsonObject shaped, EntityRecord record, string column, PreferHeader prefer)
    {
        if (shaped.ContainsKey(column))
        {
            return;
        }

        var value = record.Get(column);
        shaped[column] = CellValues.ToJson(value);
        if (prefer.WantsFormattedValues && value is not null and not JsonNode && FormattedValue(column, CellValues.ToText(value)!) is { } formatted)
        {
            shaped[column + "@OData.Community.Display.V1.FormattedValue"] = formatted;
        }
    }

    private static string? FormattedValue(string column, string value) => column switch
    {
        "statecode" => value == "0" ? "Active" : "Inactive",
        "statuscode" => value switch { "1" => "Active", "2" => "Inactive", _ => value },
        _ => null,
    };
}

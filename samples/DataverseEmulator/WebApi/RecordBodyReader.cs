using System.Text.Json;
using System.Text.Json.Nodes;
using DataverseEmulator.Store;

namespace DataverseEmulator.WebApi;

/// <summary>
/// Reads a create/update body: checks columns against the table, turns <c>@odata.bind</c> into lookup
/// values, and sets aside <c>{entity}_activity_parties</c> for the activity party table.
/// </summary>
internal static class RecordBodyReader
{
    public static (JsonObject? Values, JsonArray? Parties, ApiResponse? Error) Read(ApiRequest request, EntityDefinition entity, EntityStore store)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(request.Body.Length == 0 ? "{}" : request.Body) as JsonObject;
        }
        catch (JsonException ex)
        {
            return (null, null, ODataErrors.BadQuery($"The request body is not valid JSON: {ex.Message}"));
        }

        if (body is null)
        {
            return (null, null, ODataErrors.BadQuery("The request body must be a JSON object."));
        }

        var values = new JsonObject();
        JsonArray? parties = null;
        foreach (var (name, value) in body)
        {
            if (name.EndsWith("@odata.bind", StringComparison.Ordinal))
            {
                // "regardingobjectid_contact_phonecall@odata.bind": "/contacts(id)" is stored as the lookup's _regardingobjectid_value.
                var navigation = name[..name.IndexOf('@', StringComparison.Ordinal)];
                var lookup = navigation.Split('_')[0];
                var target = ResourcePath.Parse(BindPath(value?.ToString() ?? string.Empty));
                var targetTable = target is null ? null : store.FindBySet(target.Segment);
                if (target is null || targetTable is null || target.KeyAsId(targetTable.Definition.KeyColumn) is not { } targetId)
                {
                    return (null, null, ODataErrors.BadQuery($"The value of '{name}' is not a valid entity reference."));
                }

                if (!NavigationFits(navigation, entity, targetTable.Definition))
                {
                    // What Dataverse says when a bind names a navigation property the table does not have.
                    return (null, null, ODataErrors.BadQuery(
                        $"An undeclared property '{navigation}' which only has property annotations in the payload but no property value was found in the payload."));
                }

                if (targetTable.Find(targetId) is null)
                {
                    return (null, null, ODataErrors.RecordNotFound(targetTable.Definition.LogicalName, targetId));
                }

                values[$"_{lookup}_value"] = targetId.ToString("D");
                continue;
            }

            if (name.StartsWith('@') || name.Contains("@odata.", StringComparison.Ordinal))
            {
                continue;
            }

            if (name == $"{entity.LogicalName}_activity_parties" && value is JsonArray array)
            {
                parties = array;
                continue;
            }

            if (!entity.Columns.Contains(name))
            {
                return (null, null, ODataErrors.BadQuery($"Invalid property '{name}' was found in entity 'Microsoft.Dynamics.CRM.{entity.LogicalName}'."));
            }

            values[name] = value?.DeepClone();
        }

        return (values, parties, null);
    }

    /// <summary>
    /// A polymorphic lookup's navigation property names its target (<c>parentcustomerid_account</c>), and an activity's
    /// regarding also its own table (<c>regardingobjectid_contact_phonecall</c>): the bound record must be of that table.
    /// </summary>
    private static bool NavigationFits(string navigation, EntityDefinition entity, EntityDefinition target)
    {
        var parts = navigation.Split('_');
        if (parts[0] == "regardingobjectid" && entity.KeyColumn == "activityid")
        {
            return parts.Length == 3 && parts[1] == target.LogicalName && parts[2] == entity.LogicalName;
        }

        return parts.Length < 2 || parts[1] == target.LogicalName;
    }

    /// <summary>A row Dataverse will not create: an activity without a subject.</summary>
    public static ApiResponse? MissingRequired(EntityDefinition entity, JsonObject values) =>
        entity.KeyColumn == "activityid" && entity.PrimaryNameColumn == "subject"
            && (values["subject"] is not JsonValue subject || string.IsNullOrWhiteSpace(subject.ToString()))
            ? ApiResponse.Error(400, ErrorCodes.InvalidArgument, "subject: Required field 'subject' is missing or empty.")
            : null;

    public static string BindPath(string reference)
    {
        // A bind may be relative ("/contacts(id)", "contacts(id)") or absolute (".../api/data/v9.2/contacts(id)").
        var slash = reference.LastIndexOf('/');
        return slash >= 0 ? reference[(slash + 1)..] : reference;
    }
}

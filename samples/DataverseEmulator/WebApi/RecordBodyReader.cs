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
                // The OData reader refuses a property the type does not declare before any record is looked at.
                var (declared, expected) = NavigationTarget(navigation, entity, store);
                if (!declared)
                {
                    return (null, null, ODataErrors.UndeclaredProperty(navigation));
                }

                var (target, error) = ReadBind(name, value, store);
                if (error is not null)
                {
                    return (null, null, error);
                }

                if (expected is not null && !string.Equals(expected, target!.Value.Table.Definition.LogicalName, StringComparison.Ordinal))
                {
                    return (null, null, ODataErrors.WrongBindType(target.Value.Table.Definition.LogicalName, expected));
                }

                values[$"_{navigation.Split('_')[0]}_value"] = target!.Value.Id.ToString("D");
                continue;
            }

            if (name.StartsWith('@') || name.Contains("@odata.", StringComparison.Ordinal))
            {
                continue;
            }

            if (name == $"{entity.LogicalName}_activity_parties" && value is JsonArray array)
            {
                if (CheckParties(array, store) is { } partyError)
                {
                    return (null, null, partyError);
                }

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
    /// The table a single-valued navigation property points to, or null when the table has no such property. A polymorphic
    /// lookup's navigation property names its target (<c>parentcustomerid_account</c>). An activity's regarding has two: its
    /// own, which also names the activity (<c>regardingobjectid_contact_phonecall</c>, relationship Contact_Phonecalls),
    /// and the one every activity inherits from <c>activitypointer</c> (<c>regardingobjectid_contact</c>, relationship
    /// Contact_ActivityPointers); the Web API reference lists both on phonecall. Another activity's
    /// (<c>regardingobjectid_contact_email</c>) or the bare column (<c>regardingobjectid</c>) is no property of it.
    /// </summary>
    private static (bool Declared, string? Expected) NavigationTarget(string navigation, EntityDefinition entity, EntityStore store)
    {
        var parts = navigation.Split('_');
        if (parts[0] == "regardingobjectid" && entity.KeyColumn == "activityid")
        {
            var fits = parts.Length == 2 || (parts.Length == 3 && parts[2] == entity.LogicalName);
            return fits && RegardingTarget(parts[1], store) is { } regarded ? (true, regarded.LogicalName) : (false, null);
        }

        return parts.Length < 2 ? (true, null) : (true, parts[1]);
    }

    /// <summary>Tables an activity may regard here: the customer tables and tables of the seed, not users, parties or activities.</summary>
    private static EntityDefinition? RegardingTarget(string logicalName, EntityStore store) =>
        store.Tables.Select(t => t.Definition).FirstOrDefault(d =>
            d.LogicalName == logicalName && d.KeyColumn != "activityid" && d.LogicalName is not ("systemuser" or "activityparty"));

    /// <summary>
    /// Each party of <c>{activity}_activity_parties</c> binds its party through activityparty's own navigation property,
    /// <c>partyid_{contact|account|lead|systemuser}</c> (relationships contact_activity_parties and so on), to a record of
    /// that table that exists.
    /// </summary>
    private static ApiResponse? CheckParties(JsonArray parties, EntityStore store)
    {
        foreach (var party in parties)
        {
            if (party is not JsonObject fields)
            {
                return ODataErrors.BadQuery("An activity party must be a JSON object.");
            }

            foreach (var (name, value) in fields)
            {
                if (!name.EndsWith("@odata.bind", StringComparison.Ordinal))
                {
                    continue;
                }

                var navigation = name[..name.IndexOf('@', StringComparison.Ordinal)];
                var parts = navigation.Split('_');
                if (parts.Length != 2 || parts[0] != "partyid" || parts[1] is not ("contact" or "account" or "lead" or "systemuser"))
                {
                    return ODataErrors.UndeclaredProperty(navigation);
                }

                var (target, error) = ReadBind(name, value, store);
                if (error is not null)
                {
                    return error;
                }

                if (target!.Value.Table.Definition.LogicalName != parts[1])
                {
                    return ODataErrors.WrongBindType(target.Value.Table.Definition.LogicalName, parts[1]);
                }
            }
        }

        return null;
    }

    /// <summary>The record a bind's value names, which must exist.</summary>
    private static ((EntityTable Table, Guid Id)? Target, ApiResponse? Error) ReadBind(string name, JsonNode? value, EntityStore store)
    {
        var target = ResourcePath.Parse(BindPath(value?.ToString() ?? string.Empty));
        var targetTable = target is null ? null : store.FindBySet(target.Segment);
        if (target is null || targetTable is null || target.KeyAsId(targetTable.Definition.KeyColumn) is not { } targetId)
        {
            return (null, ODataErrors.BadQuery($"The value of '{name}' is not a valid entity reference."));
        }

        return targetTable.Find(targetId) is null
            ? (null, ODataErrors.RecordNotFound(targetTable.Definition.LogicalName, targetId))
            : ((targetTable, targetId), null);
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

using System.Net;
using System.Text;

namespace DataverseEmulator.Tests.Support;

/// <summary>
/// The product's own lookup table, made the way <c>traypop index setup</c> makes it: POST EntityDefinitions with
/// its columns, then POST …/Keys for the alternate key on tp_key.
/// </summary>
internal static class PhoneKeyTable
{
    public const string Set = "tp_phonekeys";

    public const string TableBody = """
        {
          "@odata.type": "Microsoft.Dynamics.CRM.EntityMetadata",
          "SchemaName": "tp_PhoneKey",
          "DisplayName": {"@odata.type": "Microsoft.Dynamics.CRM.Label", "LocalizedLabels": [{"@odata.type": "Microsoft.Dynamics.CRM.LocalizedLabel", "Label": "Phone key", "LanguageCode": 1033}]},
          "DisplayCollectionName": {"@odata.type": "Microsoft.Dynamics.CRM.Label", "LocalizedLabels": [{"@odata.type": "Microsoft.Dynamics.CRM.LocalizedLabel", "Label": "Phone keys", "LanguageCode": 1033}]},
          "Description": {"@odata.type": "Microsoft.Dynamics.CRM.Label", "LocalizedLabels": [{"@odata.type": "Microsoft.Dynamics.CRM.LocalizedLabel", "Label": "Normalised numbers for caller lookup", "LanguageCode": 1033}]},
          "OwnershipType": "OrganizationOwned",
          "HasActivities": false,
          "HasNotes": false,
          "IsActivity": false,
          "Attributes": [
            {"@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", "SchemaName": "tp_Key", "AttributeType": "String", "AttributeTypeName": {"Value": "StringType"},
             "MaxLength": 200, "IsPrimaryName": true, "FormatName": {"Value": "Text"},
             "RequiredLevel": {"Value": "None", "CanBeChanged": true, "ManagedPropertyLogicalName": "canmodifyrequirementlevelsettings"},
             "DisplayName": {"@odata.type": "Microsoft.Dynamics.CRM.Label", "LocalizedLabels": [{"@odata.type": "Microsoft.Dynamics.CRM.LocalizedLabel", "Label": "Key", "LanguageCode": 1033}]}},
            {"@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", "SchemaName": "tp_Number", "MaxLength": 20},
            {"@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", "SchemaName": "tp_Entity", "MaxLength": 64},
            {"@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", "SchemaName": "tp_RecordId", "MaxLength": 36},
            {"@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", "SchemaName": "tp_Name", "MaxLength": 200},
            {"@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", "SchemaName": "tp_Column", "MaxLength": 64}
          ]
        }
        """;

    public const string KeyBody = """
        {
          "@odata.type": "Microsoft.Dynamics.CRM.EntityKeyMetadata",
          "SchemaName": "tp_Key_AlternateKey",
          "DisplayName": {"@odata.type": "Microsoft.Dynamics.CRM.Label", "LocalizedLabels": [{"@odata.type": "Microsoft.Dynamics.CRM.LocalizedLabel", "Label": "Phone key", "LanguageCode": 1033}]},
          "KeyAttributes": ["tp_key"]
        }
        """;

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task CreateTableAsync(HttpClient client)
    {
        using var response = await client.PostAsync("api/data/v9.2/EntityDefinitions", Json(TableBody));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static async Task CreateKeyAsync(HttpClient client)
    {
        using var response = await client.PostAsync("api/data/v9.2/EntityDefinitions(LogicalName='tp_phonekey')/Keys", Json(KeyBody));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>A key row as the indexer writes it: tp_key is "{E.164 digits}|{entity}|{id}".</summary>
    public static string Row(string digits, string entity, Guid id, string name = "Someone", string column = "telephone1") => $$"""
        {"tp_key":"{{digits}}|{{entity}}|{{id:D}}","tp_number":"+{{digits}}","tp_entity":"{{entity}}","tp_recordid":"{{id:D}}","tp_name":"{{name}}","tp_column":"{{column}}"}
        """;

    /// <summary>An emulator whose keys become Active at once, with the table and key made.</summary>
    public static async Task<RunningEmulator> StartWithTableAsync(EmulatorSettings? settings = null, EmulatorSeed? seed = null)
    {
        settings ??= new EmulatorSettings();
        settings.KeyIndexDelay = TimeSpan.Zero;
        var emulator = await RunningEmulator.StartAsync(settings, seed);
        await CreateTableAsync(emulator.Client);
        await CreateKeyAsync(emulator.Client);
        return emulator;
    }
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrayPop.Dataverse.Index;

/// <summary>
/// <c>index setup</c>: creates the table <c>tp_phonekey</c>, its columns and the alternate key on <c>tp_key</c>
/// through the Web API metadata endpoints, each only if missing, then waits until Dataverse's job has built the
/// key's index (Pending → InProgress → Active); Failed is an error that says what to do.
/// </summary>
internal sealed class IndexSetup(DataverseClient client, TimeProvider time)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    private static readonly (string Name, int Length)[] Columns =
        [("tp_number", 32), ("tp_entity", 64), ("tp_recordid", 40), ("tp_name", 200), ("tp_column", 64)];

    private static readonly string Definition = $"EntityDefinitions(LogicalName='{PhoneKeyTable.LogicalName}')";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        if (await ExistsAsync($"{Definition}?$select=LogicalName", cancellationToken))
        {
            output.WriteLine($"Table {PhoneKeyTable.LogicalName}: exists.");
        }
        else
        {
            output.WriteLine($"Table {PhoneKeyTable.LogicalName}: creating…");
            await client.SendAsync(HttpMethod.Post, "EntityDefinitions", TableBody().ToJsonString(), cancellationToken);
        }

        using (var attributes = await client.GetDocumentAsync($"{Definition}/Attributes?$select=LogicalName", [], cancellationToken))
        {
            var have = attributes.RootElement.GetProperty("value").EnumerateArray().Select(a => a.GetProperty("LogicalName").GetString()).ToHashSet(StringComparer.Ordinal);
            foreach (var (name, length) in Columns.Where(c => !have.Contains(c.Name)))
            {
                output.WriteLine($"Column {name}: creating…");
                await client.SendAsync(HttpMethod.Post, $"{Definition}/Attributes", StringColumn(name, length, primary: false).ToJsonString(), cancellationToken);
            }
        }

        if (await KeyStatusAsync(cancellationToken) is null)
        {
            output.WriteLine($"Alternate key {PhoneKeyTable.KeyName} on tp_key: creating…");
            var key = new JsonObject
            {
                ["SchemaName"] = PhoneKeyTable.KeyName,
                ["DisplayName"] = Label("Phone key"),
                ["KeyAttributes"] = new JsonArray("tp_key"),
            };
            await client.SendAsync(HttpMethod.Post, $"{Definition}/Keys", key.ToJsonString(), cancellationToken);
        }

        string? last = null;
        while (true)
        {
            var status = await KeyStatusAsync(cancellationToken) ?? "Pending";
            if (status != last)
            {
                output.WriteLine($"Alternate key index: {status}");
                last = status;
            }

            switch (status)
            {
                case "Active":
                    output.WriteLine("The phone-key table is ready: run `traypop index sync` to fill it.");
                    return;
                case "Failed":
                    throw new DataverseException(
                        $"Dataverse could not build the index of the alternate key {PhoneKeyTable.KeyName} (status Failed): usually duplicate tp_key values. " +
                        "Delete the duplicates (or the key in the maker portal: Tables → Phone key → Keys), then run `traypop index setup` again.");
            }

            await Task.Delay(PollEvery, time, cancellationToken);
        }
    }

    /// <summary>The key's <c>EntityKeyIndexStatus</c>, or null when the table has no such key.</summary>
    public async Task<string?> KeyStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var keys = await client.GetDocumentAsync($"{Definition}/Keys?$select=LogicalName,SchemaName,EntityKeyIndexStatus", [], cancellationToken);
            return keys.RootElement.GetProperty("value").EnumerateArray()
                .Where(k => k.TryGetProperty("SchemaName", out var s) && string.Equals(s.GetString(), PhoneKeyTable.KeyName, StringComparison.OrdinalIgnoreCase))
                .Select(k => k.GetProperty("EntityKeyIndexStatus").GetString())
                .FirstOrDefault();
        }
        catch (DataverseException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<bool> ExistsAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var _ = await client.GetDocumentAsync(url, [], cancellationToken);
            return true;
        }
        catch (DataverseException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    // Organisation-owned, no activities or notes: rows are TrayPop's, not anybody's work.
    private static JsonObject TableBody() => new()
    {
        ["@odata.type"] = "Microsoft.Dynamics.CRM.EntityMetadata",
        ["SchemaName"] = PhoneKeyTable.LogicalName,
        ["DisplayName"] = Label("Phone key"),
        ["DisplayCollectionName"] = Label("Phone keys"),
        ["Description"] = Label("TrayPop's caller-id index: one row per record and normalised number. Written by `traypop index sync`."),
        ["OwnershipType"] = "OrganizationOwned",
        ["IsActivity"] = false,
        ["HasActivities"] = false,
        ["HasNotes"] = false,
        ["Attributes"] = new JsonArray(StringColumn("tp_key", 200, primary: true)),
    };

    private static JsonObject StringColumn(string name, int length, bool primary) => new()
    {
        ["@odata.type"] = "Microsoft.Dynamics.CRM.StringAttributeMetadata",
        ["AttributeType"] = "String",
        ["AttributeTypeName"] = new JsonObject { ["Value"] = "StringType" },
        ["SchemaName"] = name,
        ["MaxLength"] = length,
        ["FormatName"] = new JsonObject { ["Value"] = "Text" },
        ["IsPrimaryName"] = primary,
        ["RequiredLevel"] = new JsonObject { ["Value"] = primary ? "ApplicationRequired" : "None", ["CanBeChanged"] = true },
        ["DisplayName"] = Label(name),
    };

    private static JsonObject Label(string text) => new()
    {
        ["@odata.type"] = "Microsoft.Dynamics.CRM.Label",
        ["LocalizedLabels"] = new JsonArray(new JsonObject
        {
            ["@odata.type"] = "Microsoft.Dynamics.CRM.LocalizedLabel",
            ["Label"] = text,
            ["LanguageCode"] = 1033,
        }),
    };
}

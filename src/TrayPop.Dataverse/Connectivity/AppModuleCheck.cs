using System.Text.Json;
using Microsoft.Extensions.Options;
using TrayPop.Core.Diagnostics;

namespace TrayPop.Dataverse.Connectivity;

/// <summary>
/// Whether <c>TrayPop:Dataverse:AppId</c> names a model-driven app of this organisation, asked as Microsoft documents it
/// ("Open apps, forms, views, dialogs, and reports with a URL": <c>appmodules?$select=appmoduleid,uniquename</c>). A wrong
/// id makes every page TrayPop opens fail, so <c>check</c> names it and the apps there are.
/// </summary>
internal sealed class AppModuleCheck(DataverseClient client, IOptions<DataverseOptions> options)
{
    private const int AppsListed = 10;

    /// <returns>What to print, and whether the setting is wrong (false when it is right, unset, or could not be asked).</returns>
    public async Task<(string Line, bool Wrong)> CheckAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.AppId) || !Guid.TryParse(options.Value.AppId, out var appId))
        {
            return ("(none: pages open in the agent's default app; TrayPop:Dataverse:AppId picks one)", false);
        }

        try
        {
            var found = await client.QueryAsync($"appmodules?$select=appmoduleid,uniquename&$filter=appmoduleid eq {appId:D}", cancellationToken);
            if (found.Count > 0)
            {
                return ($"{OutsideText.Escape(Text(found[0], "uniquename") ?? "?")} ({appId:D}), an app of this organisation", false);
            }

            var apps = await client.QueryAsync($"appmodules?$select=appmoduleid,uniquename&$orderby=uniquename&$top={AppsListed + 1}", cancellationToken);
            var listed = string.Join(", ", apps.Take(AppsListed).Select(a => $"{OutsideText.Escape(Text(a, "uniquename") ?? "?")} = {Text(a, "appmoduleid")}"));
            var more = apps.Count > AppsListed ? ", …" : "";
            return ($"NO — TrayPop:Dataverse:AppId {appId:D} is not an app of this organisation (appmodules has no such appmoduleid), " +
                    "so every page TrayPop opens would fail; set it to one of the apps here or remove it" +
                    (apps.Count == 0 ? " (this user sees no apps)" : $": {listed}{more}"), true);
        }
        catch (DataverseException ex)
        {
            // A user who may not read appmodules still gets the rest of the check; the setting is not called wrong.
            return ($"{appId:D} not checked: {OutsideText.Escape(ex.Message, 512)}", false);
        }
    }

    private static string? Text(JsonElement row, string column) =>
        row.TryGetProperty(column, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Globalization;
using System.Text.Json.Nodes;
using TrayPop.Core.Journal;

namespace TrayPop.Dataverse.Journal;

/// <summary>
/// Writes one call's phonecall: an upsert (<c>PATCH phonecalls({activityid})</c>) with its fields and regarding bind,
/// then the close (<c>statecode</c> 1, <c>statuscode</c> 4 received or 2 made). Both are idempotent, so either may be
/// sent again after a lost reply or a restart.
/// </summary>
internal sealed class PhonecallWriter(DataverseClient client)
{
    private Guid? _userId;

    /// <summary>The signed-in user, whose id names every activity (asked once).</summary>
    public async Task<Guid> UserIdAsync(CancellationToken cancellationToken) =>
        _userId ??= (await client.WhoAmIAsync(cancellationToken)).UserId;

    public Task UpsertAsync(PhonecallActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return client.SendAsync(HttpMethod.Patch, Url(activity), Body(activity).ToJsonString(), cancellationToken);
    }

    public Task CloseAsync(PhonecallActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var close = new JsonObject { ["statecode"] = 1, ["statuscode"] = activity.Outgoing ? 2 : 4 };
        return client.SendAsync(HttpMethod.Patch, Url(activity), close.ToJsonString(), cancellationToken);
    }

    internal static JsonObject Body(PhonecallActivity activity)
    {
        var body = new JsonObject
        {
            ["subject"] = activity.Subject,
            ["phonenumber"] = activity.PhoneNumber,
            ["directioncode"] = activity.Outgoing,
            ["actualstart"] = Time(activity.Start),
        };
        if (activity.End is { } end)
        {
            body["actualend"] = Time(end);
        }

        if (activity.DurationMinutes is { } minutes)
        {
            body["actualdurationminutes"] = minutes;
        }

        if (activity.Description is { } description)
        {
            body["description"] = description;
        }

        if (activity.Regarding is { Entity: "contact" or "account" or "lead" } regarding)
        {
            body[$"regardingobjectid_{regarding.Entity}_phonecall@odata.bind"] = $"/{regarding.Entity}s({regarding.Id:D})";
        }

        return body;
    }

    private static string Url(PhonecallActivity activity) => $"phonecalls({activity.ActivityId:D})";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.RegularExpressions;
using DataverseEmulator.Store.Tracking;

namespace DataverseEmulator.WebApi;

/// <summary>
/// The $skiptoken of a change-tracking page, in the shape Dataverse uses (<c>istracking="True"</c>); its
/// pagingcookie carries where the read stands, so a client only has to follow the link as given.
/// </summary>
internal static partial class TrackingCookie
{
    public static string Format(int page, ChangeCursor cursor) => string.Create(CultureInfo.InvariantCulture,
        $"<cookie pagenumber=\"{page}\" pagingcookie=\"{cursor.Since}.{cursor.Snapshot}.{cursor.After}.{(cursor.DeletedPhase ? 1 : 0)}\" istracking=\"True\" />");

    public static bool IsTracking(string? skipToken) =>
        skipToken is not null && skipToken.Contains("istracking=\"True\"", StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string skipToken, out int page, out ChangeCursor cursor)
    {
        page = 0;
        cursor = default;
        var match = Pattern().Match(skipToken);
        if (!match.Success)
        {
            return false;
        }

        long Number(string group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        page = (int)Number("page");
        cursor = new ChangeCursor(Number("since"), Number("snapshot"), Number("after"), match.Groups["phase"].Value == "1");
        return true;
    }

    [GeneratedRegex("pagenumber=\"(?<page>\\d{1,9})\" pagingcookie=\"(?<since>\\d{1,18})\\.(?<snapshot>\\d{1,18})\\.(?<after>\\d{1,18})\\.(?<phase>[01])\"")]
    private static partial Regex Pattern();
}

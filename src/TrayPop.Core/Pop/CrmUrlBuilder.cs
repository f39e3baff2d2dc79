using System.Text;
using Microsoft.Extensions.Options;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;

namespace TrayPop.Core.Pop;

/// <summary>Builds the Unified Interface pages TrayPop opens; every value is escaped, so nothing from a call can change the URL's shape.</summary>
internal sealed class CrmUrlBuilder(CrmSite site, IOptions<PopOptions> pop)
{
    private readonly string _mainPage = new Uri(site.Organisation, "main.aspx").AbsoluteUri;
    private readonly string? _appId = site.AppId;
    private readonly PopOptions _pop = pop.Value;

    public Uri Record(CrmRecord record) =>
        Page($"pagetype=entityrecord&etn={Uri.EscapeDataString(record.Entity)}&id={record.Id:D}");

    /// <summary>The new-record form with the caller's number in it (none for a withheld caller).</summary>
    public Uri NewRecord(CallerId callerId)
    {
        var query = $"pagetype=entityrecord&etn={Uri.EscapeDataString(_pop.NewRecordEntity)}";
        if (callerId.Kind == CallerIdKind.Number)
        {
            // extraqs is itself a query string: the value is escaped inside it, then the whole once more.
            var extraqs = $"{_pop.NewRecordPhoneColumn}={Uri.EscapeDataString(callerId.E164!)}";
            query += "&extraqs=" + Uri.EscapeDataString(extraqs);
        }

        return Page(query);
    }

    /// <summary>
    /// The global search page for the caller id (the page a slow CRM or a <c>Search</c> rule opens). Not in Microsoft's
    /// URL documentation; several matches use <see cref="List"/> instead.
    /// </summary>
    public Uri Search(CallerId callerId) => Page("pagetype=search&searchText=" + Uri.EscapeDataString(SearchText(callerId)));

    /// <summary>
    /// A table's default view. Follows Microsoft's "Open apps, forms, views, dialogs, and reports with a URL"
    /// (learn.microsoft.com/power-apps/developer/model-driven-apps/open-forms-views-dialogs-reports-url): <c>main.aspx</c> with
    /// <c>pagetype=entitylist</c> and <c>etn</c> (plus <c>appid</c>) opens the view; <c>viewid</c>/<c>viewtype</c> are optional.
    /// That page documents no parameter for the view's search text, so none is sent: the agent types
    /// <see cref="QuickFindTexts"/> into the view's search box.
    /// </summary>
    public Uri List(string entity) => Page("pagetype=entitylist&etn=" + Uri.EscapeDataString(entity));

    /// <summary>
    /// The texts that find several matches in the CRM's own search: the number as stored on them, each distinct rendering
    /// once (a switchboard stored as <c>(206) 555-0100</c> on one record and <c>206-555-0100 x221</c> on another needs both).
    /// Quick Find matches from the start of a column's text ("About quick find queries"), so <c>+12065550100</c> does not
    /// find a stored <c>(206) 555-0100</c>; the stored text does. Without one (the phone-key index knows numbers only in
    /// E.164), the number in its national format, the way most records store it.
    /// </summary>
    public static IReadOnlyList<string> QuickFindTexts(LookupResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var stored = result.Matches.Select(m => m.Number?.Trim()).OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return stored.Count > 0 ? stored : [NationalText(result.CallerId)];
    }

    private static string NationalText(CallerId callerId)
    {
        try
        {
            return callerId.E164 is { } e164
                ? PhoneNumberReader.Util.Format(PhoneNumberReader.Util.Parse(e164, null), PhoneNumbers.PhoneNumberFormat.NATIONAL)
                : SearchText(callerId);
        }
        catch (PhoneNumbers.NumberParseException)
        {
            return SearchText(callerId);
        }
    }

    /// <summary>A configured template with <c>{number}</c>, <c>{id}</c> and <c>{entity}</c> filled in, each escaped.</summary>
    public static Uri FromTemplate(string template, CallerId callerId, CrmRecord? record)
    {
        var url = new StringBuilder(template)
            .Replace("{number}", Uri.EscapeDataString(SearchText(callerId)))
            .Replace("{id}", record is null ? "" : record.Id.ToString("D"))
            .Replace("{entity}", record is null ? "" : Uri.EscapeDataString(record.Entity));
        return new Uri(url.ToString(), UriKind.Absolute);
    }

    private static string SearchText(CallerId callerId) => callerId.E164 ?? callerId.Text;

    private Uri Page(string query) =>
        new(string.IsNullOrEmpty(_appId) ? $"{_mainPage}?{query}" : $"{_mainPage}?appid={_appId}&{query}", UriKind.Absolute);
}

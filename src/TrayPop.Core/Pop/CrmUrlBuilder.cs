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

    public Uri Search(CallerId callerId) => Page("pagetype=search&searchText=" + Uri.EscapeDataString(SearchText(callerId)));

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

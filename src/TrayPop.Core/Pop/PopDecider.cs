using Microsoft.Extensions.Options;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;

namespace TrayPop.Core.Pop;

/// <summary>Turns a rule and a lookup result into what the agent sees. Pure: no I/O, so every branch is unit-tested.</summary>
internal sealed class PopDecider(CrmUrlBuilder urls, IOptions<PopOptions> options)
{
    private readonly PopOptions _options = options.Value;

    public PopDecision Decide(CallRule rule, LookupResult result) => rule.Action switch
    {
        PopAction.Nothing => PopDecision.Nothing(result),
        PopAction.NewContactForm => new(PopKind.NewContactForm, urls.NewRecord(result.CallerId), null, result),
        PopAction.Search => result.Outcome == LookupOutcome.Withheld
            ? PopDecision.Nothing(result)
            : new(PopKind.Search, urls.Search(result.CallerId), null, result),
        PopAction.Url => new(PopKind.CustomUrl, CrmUrlBuilder.FromTemplate(rule.UrlTemplate!, result.CallerId, result.Matches.Count == 1 ? result.Matches[0] : null), null, result),
        PopAction.Notify => NotifyOnly(result),
        _ => OpenBest(result),
    };

    /// <summary>The CRM did not answer within the budget: still give the agent a useful page, and say why.</summary>
    public PopDecision DecideWithoutCrm(CallerId callerId, string reason)
    {
        var (kind, url) = _options.WhenSlow == SlowCrmAction.NewContactForm || callerId.Kind != CallerIdKind.Number
            ? (PopKind.NewContactForm, urls.NewRecord(callerId))
            : (PopKind.Search, urls.Search(callerId));
        var notification = new Notification("CRM is not answering", $"{reason} Opened the {(kind == PopKind.Search ? "search" : "new-contact form")} for {Display(callerId)} instead.", url);
        return new PopDecision(kind, url, notification, null);
    }

    private PopDecision OpenBest(LookupResult result) => result.Outcome switch
    {
        LookupOutcome.Match => new(PopKind.OpenRecord, urls.Record(result.Matches[0]), null, result),
        LookupOutcome.Multiple when _options.MultipleMatches == MultipleMatchesAction.Notify =>
            new(PopKind.Notify, null, MultipleNotification(result), result),
        LookupOutcome.Multiple when _options.MultipleMatches == MultipleMatchesAction.Search => SearchMatches(result),
        LookupOutcome.Multiple => Chooser(result),
        LookupOutcome.None when _options.UnknownCaller == UnknownCallerAction.Notify =>
            new(PopKind.Notify, null, UnknownNotification(result), result),
        LookupOutcome.None => new(PopKind.NewContactForm, urls.NewRecord(result.CallerId), null, result),
        _ when _options.Withheld == WithheldAction.NewContactForm => new(PopKind.NewContactForm, urls.NewRecord(result.CallerId), null, result),
        _ => PopDecision.Nothing(result),
    };

    private PopDecision NotifyOnly(LookupResult result) => result.Outcome switch
    {
        LookupOutcome.Match => new(PopKind.Notify, null, new Notification(result.Matches[0].Name, $"{Display(result.CallerId)} ({result.Matches[0].Entity}) — click to open", urls.Record(result.Matches[0])), result),
        LookupOutcome.Multiple => Chooser(result),
        LookupOutcome.None => new(PopKind.Notify, null, UnknownNotification(result), result),
        _ => PopDecision.Nothing(result),
    };

    private Notification UnknownNotification(LookupResult result) =>
        new("Unknown caller", $"Unknown caller {Display(result.CallerId)} — click to create a contact", urls.NewRecord(result.CallerId));

    private Notification MultipleNotification(LookupResult result)
    {
        var names = string.Join(", ", result.Matches.Take(3).Select(m => m.Name));
        var more = result.Matches.Count > 3 ? $" and {result.Matches.Count - 3} more" : "";
        return new(
            $"{result.Matches.Count} records share this number",
            $"{Display(result.CallerId)}: {names}{more} — click to search for {SearchFor(result)}",
            urls.List(result.Matches[0].Entity));
    }

    /// <summary>Several records share the number: the agent chooses one (the first is never guessed). Matches come from one table.</summary>
    private PopDecision Chooser(LookupResult result)
    {
        var choices = result.Matches.Select(m => new NotificationChoice(Label(m), urls.Record(m))).ToList();
        var notification = new Notification(
            $"{result.Matches.Count} records match",
            // The platform says how to choose ("— click to choose" in the tray); headless, the log lists the matches.
            $"{result.Matches.Count} records match {Display(result.CallerId)}",
            null,
            choices);
        return new PopDecision(PopKind.Choose, null, notification, result);
    }

    /// <summary>The matches' table's view, and a notification with the text that finds them there (the number as stored).</summary>
    private PopDecision SearchMatches(LookupResult result)
    {
        var list = urls.List(result.Matches[0].Entity);
        var text = SearchFor(result);
        var notification = new Notification(
            $"{result.Matches.Count} records match",
            $"{result.Matches.Count} records match {Display(result.CallerId)}: search the {result.Matches[0].Entity} list for {text}",
            list);
        return new PopDecision(PopKind.Search, list, notification, result);
    }

    /// <summary>What to type into the list's search box to find every match: the distinct stored renderings, at most three.</summary>
    private static string SearchFor(LookupResult result)
    {
        var texts = CrmUrlBuilder.QuickFindTexts(result);
        return string.Join(" or ", texts.Take(3)) + (texts.Count > 3 ? $" (and {texts.Count - 3} more)" : "");
    }

    /// <summary>A match as a chooser lists it: name and table, e.g. "Tom Baker (contact)".</summary>
    internal static string Label(CrmRecord record) =>
        $"{(string.IsNullOrWhiteSpace(record.Name) ? "(no name)" : record.Name)} ({record.Entity})";

    // Spaces only ("+1 425 555 0100"): a notification is read at a glance, and dashes read as minus signs to some.
    private static string Display(CallerId callerId) => callerId.Kind switch
    {
        CallerIdKind.Withheld => "a withheld number",
        CallerIdKind.Number => callerId.Text.Replace('-', ' '),
        _ => callerId.Text,
    };
}

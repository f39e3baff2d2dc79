namespace TrayPop.Core.Pop;

/// <summary>What a call type's rule does when it acts.</summary>
internal enum PopAction
{
    /// <summary>Open the matched record; without one, what <see cref="PopOptions"/> says for none, several or withheld.</summary>
    OpenRecord,

    /// <summary>Always open the new-contact form, pre-filled with the number.</summary>
    NewContactForm,

    /// <summary>Always open the CRM search page for the number.</summary>
    Search,

    /// <summary>Only show a notification saying who calls; a click opens what OpenRecord would.</summary>
    Notify,

    /// <summary>Do nothing (internal calls, by default).</summary>
    Nothing,

    /// <summary>Open <see cref="CallRule.UrlTemplate"/> with <c>{number}</c>, <c>{id}</c>, <c>{entity}</c> filled in.</summary>
    Url,
}

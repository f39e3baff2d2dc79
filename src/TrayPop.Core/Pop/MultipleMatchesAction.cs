namespace TrayPop.Core.Pop;

/// <summary>What several matching records get.</summary>
internal enum MultipleMatchesAction
{
    /// <summary>Open the CRM search page for the number.</summary>
    Search,

    /// <summary>Show a notification listing the matches; a click opens the search page.</summary>
    Notify,
}

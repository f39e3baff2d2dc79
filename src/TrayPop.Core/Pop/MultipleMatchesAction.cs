namespace TrayPop.Core.Pop;

/// <summary>What several matching records get.</summary>
internal enum MultipleMatchesAction
{
    /// <summary>A notification "3 records match … — click to choose"; the click lists them and opens the one chosen. Nothing is guessed.</summary>
    Choose,

    /// <summary>Open the list of the matches' table, with the text that finds them there (the number as stored).</summary>
    Search,

    /// <summary>Show a notification listing the matches; a click opens that list.</summary>
    Notify,
}

namespace TrayPop.Core.Pop;

/// <summary>What a notification says, and the CRM page a click on it opens (if any).</summary>
internal sealed record Notification(string Title, string Text, Uri? ClickUrl = null);

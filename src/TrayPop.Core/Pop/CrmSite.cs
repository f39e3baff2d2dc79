namespace TrayPop.Core.Pop;

/// <summary>
/// The organisation whose pages TrayPop opens: its root (with a trailing slash) and the optional model-driven app.
/// Made once from the validated Dataverse settings, so the domain needs nothing of how Dataverse is reached.
/// </summary>
internal sealed record CrmSite(Uri Organisation, string? AppId);

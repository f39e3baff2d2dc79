namespace TrayPop.Core.Tray;

/// <summary>What Check connection found, in words for a balloon.</summary>
internal sealed record ConnectionCheckResult(CrmState State, string Message);

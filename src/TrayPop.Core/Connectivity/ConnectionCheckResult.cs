namespace TrayPop.Core.Connectivity;

/// <summary>
/// What one connection check found: the state, and a sentence an agent or an engineer can act on (the same words
/// in <c>check</c>, <c>/health</c> and the tray). On success, who Dataverse says the agent is and how long it took.
/// </summary>
internal sealed record ConnectionCheckResult(CrmState State, string Message)
{
    public Guid? UserId { get; init; }

    public Guid? BusinessUnitId { get; init; }

    public Guid? OrganizationId { get; init; }

    /// <summary>The account the sign-in reports (e.g. jane@contoso.com), where the mode has one.</summary>
    public string? SignedInAs { get; init; }

    public TimeSpan? RoundTrip { get; init; }

    /// <summary>WhoAmI answered: the CRM is there and the agent is signed in. (A 404 or 403 is a reachable CRM that still failed the check.)</summary>
    public bool SignedIn => UserId is not null;

    /// <summary>The result as one sentence for a balloon.</summary>
    public string Sentence => State switch
    {
        _ when SignedIn => $"Connected to Dynamics 365 as {Message}.",
        CrmState.SignedOut => $"Signed out of Dynamics 365: {Message}",
        CrmState.Reachable => $"Dynamics 365 answered, but the check failed: {Message}",
        _ => $"Dynamics 365 cannot be reached: {Message}",
    };
}

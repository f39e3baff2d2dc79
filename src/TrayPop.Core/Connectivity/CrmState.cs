namespace TrayPop.Core.Connectivity;

/// <summary>What TrayPop last learnt about the CRM connection from real traffic (lookups, WhoAmI).</summary>
internal enum CrmState
{
    /// <summary>Nothing has been asked yet.</summary>
    Unknown,

    /// <summary>Dataverse answered with the agent signed in.</summary>
    Reachable,

    /// <summary>Sign-in failed, or Dataverse answered 401.</summary>
    SignedOut,

    /// <summary>No answer, a server error, or an answer that was not Dataverse's.</summary>
    Unreachable,
}

namespace TrayPop.Dataverse.Auth;

/// <summary>Where the tenant TrayPop signs in to came from.</summary>
internal enum TenantSource
{
    /// <summary><c>TrayPop:Dataverse:Auth:TenantId</c>.</summary>
    Setting,

    /// <summary>Dataverse's own 401 challenge (<c>WWW-Authenticate: Bearer authorization_uri=…/{tenant}/oauth2/authorize</c>).</summary>
    Challenge,

    /// <summary>Neither: <c>organizations</c>, the agent's home tenant (a guest's token is then refused).</summary>
    Default,

    /// <summary>An AD FS authority: AD FS has no tenants.</summary>
    Adfs,
}

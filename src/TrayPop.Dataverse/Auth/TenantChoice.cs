namespace TrayPop.Dataverse.Auth;

/// <summary>The tenant to sign in to, where it came from, and why the default was taken when it was.</summary>
/// <param name="Settled">False when Dataverse could not be asked (unreachable): the next sign-in asks again.</param>
internal sealed record TenantChoice(string Tenant, TenantSource Source, string? Reason = null, bool Settled = true)
{
    public const string DefaultTenant = "organizations";

    public string Describe() => Source switch
    {
        TenantSource.Setting => $"{Tenant} (from TrayPop:Dataverse:Auth:TenantId)",
        TenantSource.Adfs => "none: the authority is AD FS, which has no tenants",
        TenantSource.Challenge => $"{Tenant} (from Dataverse's sign-in challenge: the organisation's own tenant, so guests sign in there)",
        _ => $"{Tenant} (default: {Reason ?? "no tenant given"}; guests of the organisation cannot sign in this way: set TrayPop:Dataverse:Auth:TenantId)",
    };
}

namespace TrayPop.Dataverse.Auth;

/// <summary>The resource, scopes and sign-in endpoints for one organisation.</summary>
internal static class DataverseScopes
{
    /// <summary>The organisation's origin, e.g. <c>https://contoso.crm.dynamics.com</c>: Dataverse's resource id.</summary>
    public static string Resource(DataverseOptions options) => options.OrganisationUri.GetLeftPart(UriPartial.Authority);

    /// <summary>Delegated access as the signed-in user (public clients).</summary>
    public static string UserImpersonation(DataverseOptions options) => Resource(options) + "/user_impersonation";

    /// <summary>The application's granted permissions (confidential clients).</summary>
    public static string Default(DataverseOptions options) => Resource(options) + "/.default";

    /// <summary>
    /// <c>{Authority}/{tenant}</c>, e.g. <c>https://login.microsoftonline.com/contoso.onmicrosoft.com</c>; an AD FS
    /// authority as it is (AD FS has no tenants).
    /// </summary>
    public static string Authority(DataverseAuthOptions auth, string defaultTenant = "organizations")
    {
        if (auth.IsAdfs)
        {
            return auth.Authority.TrimEnd('/');
        }

        var tenant = string.IsNullOrWhiteSpace(auth.TenantId) ? defaultTenant : auth.TenantId.Trim();
        return auth.Authority.TrimEnd('/') + "/" + Uri.EscapeDataString(tenant);
    }
}

using Microsoft.Extensions.Options;
using TrayPop.Dataverse.Auth;

namespace TrayPop.Dataverse.Connectivity;

/// <summary>
/// The sign-in lines of <c>traypop check</c>: the mode, the app id it signs in as (and whether that is Microsoft's sample
/// app), the authority and scope. Secrets never appear.
/// </summary>
internal sealed class SignInReport(IOptions<DataverseOptions> options, TenantDiscovery tenants, TimeProvider? time = null)
{
    public async Task<IReadOnlyList<string>> LinesAsync(CancellationToken cancellationToken)
    {
        var dataverse = options.Value;
        var auth = dataverse.Auth;
        var tenant = auth.Mode.SignsInThroughMsal()
            ? await tenants.ResolveAsync(cancellationToken)
            : null;
        List<string> lines = [$"Sign-in mode: {Mode(dataverse, tenant)}"];
        if (auth.Mode == DataverseAuthMode.ClientCertificate)
        {
            lines.Add($"Certificate:  {Certificate(auth, (time ?? TimeProvider.System).GetUtcNow())}");
        }

        if (AppId(auth) is { } app)
        {
            lines.Add($"App id:       {app}");
        }

        if (tenant is not null)
        {
            lines.Add($"Tenant:       {tenant.Describe()}");
        }

        return lines;
    }

    private static string Mode(DataverseOptions dataverse, TenantChoice? tenant)
    {
        var auth = dataverse.Auth;
        var authority = DataverseScopes.Authority(auth, tenant?.Tenant ?? TenantChoice.DefaultTenant);
        return auth.Mode switch
        {
            DataverseAuthMode.Interactive or DataverseAuthMode.DeviceCode =>
                $"{auth.Mode} (client {auth.EffectiveClientId ?? "(not set)"}, authority {authority}, scope {DataverseScopes.UserImpersonation(dataverse)})",
            DataverseAuthMode.ClientSecret or DataverseAuthMode.ClientCertificate =>
                $"{auth.Mode} (application {auth.ClientId}, authority {authority}, scope {DataverseScopes.Default(dataverse)})",
            DataverseAuthMode.Windows => $"Windows (Negotiate as {WindowsCredentials.Describe(auth)})",
            DataverseAuthMode.Token => "Token (a bearer token from the configuration)",
            _ => "None (no sign-in: for the emulator)",
        };
    }

    /// <summary>Which certificate signs the client assertions, and from where (never its key or password).</summary>
    private static string Certificate(DataverseAuthOptions auth, DateTimeOffset now)
    {
        if (!ClientCertificates.TryLoad(auth, now, out var certificate, out var problem))
        {
            return "NO — " + problem;
        }

        using (certificate)
        {
            var from = string.IsNullOrWhiteSpace(auth.CertificatePath)
                ? $"the {auth.CertificateStore} My store"
                : $"the file {auth.CertificatePath.Trim()}";
            return $"{ClientCertificates.Describe(certificate)}, from {from}";
        }
    }

    /// <summary>Which application registration the sign-in uses, in words; null for modes without one.</summary>
    internal static string? AppId(DataverseAuthOptions auth)
    {
        if (!auth.Mode.SignsInThroughMsal())
        {
            return null;
        }

        var id = auth.EffectiveClientId;
        if (id is null)
        {
            return "(not set) — set TrayPop:Dataverse:Auth:ClientId (MSI: CLIENT_ID)";
        }

        if (!auth.UsesSampleClient)
        {
            return $"{id} (TrayPop:Dataverse:Auth:ClientId)";
        }

        var why = string.IsNullOrWhiteSpace(auth.ClientId) ? "allowed for a trial by TrayPop:Dataverse:Auth:AllowSampleClient" : "set in TrayPop:Dataverse:Auth:ClientId";
        return $"{id} — Microsoft's sample app ({why}); Microsoft reserves it for its samples: register your organisation's own app for production";
    }
}

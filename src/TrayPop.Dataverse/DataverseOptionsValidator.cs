using System.Text.RegularExpressions;
using TrayPop.Dataverse.Auth;
using Microsoft.Extensions.Options;

namespace TrayPop.Dataverse;

/// <summary>Refuses to start with a Dataverse setting that cannot work, naming the key.</summary>
internal sealed partial class DataverseOptionsValidator(TimeProvider? time = null) : IValidateOptions<DataverseOptions>
{
    private const string AuthKey = "TrayPop:Dataverse:Auth:";

    public ValidateOptionsResult Validate(string? name, DataverseOptions options)
    {
        var failures = new List<string>();
        Uri? url = null;
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            failures.Add("TrayPop:Dataverse:Url is not set: give the organisation root, e.g. https://contoso.crm.dynamics.com.");
        }
        else if (!Uri.TryCreate(options.Url, UriKind.Absolute, out url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo))
        {
            failures.Add($"TrayPop:Dataverse:Url must be an absolute https (or http) URL without query, e.g. https://contoso.crm.dynamics.com; got '{options.Url}'.");
            url = null;
        }

        if (options.ApiVersion is not ("9.0" or "9.1" or "9.2"))
        {
            failures.Add($"TrayPop:Dataverse:ApiVersion must be 9.0, 9.1 or 9.2; got '{options.ApiVersion}'.");
        }

        if (!string.IsNullOrEmpty(options.AppId) && !Guid.TryParse(options.AppId, out _))
        {
            failures.Add($"TrayPop:Dataverse:AppId must be a GUID; got '{options.AppId}'.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("TrayPop:Dataverse:RequestTimeout must be positive.");
        }

        if (options.MaxResponseBytes is < 1024 or > DataverseOptions.LargestMaxResponseBytes)
        {
            failures.Add($"TrayPop:Dataverse:MaxResponseBytes must be between 1024 and {DataverseOptions.LargestMaxResponseBytes} (bytes); got {options.MaxResponseBytes}.");
        }

        ValidateAuth(options.Auth, url, (time ?? TimeProvider.System).GetUtcNow(), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAuth(DataverseAuthOptions auth, Uri? url, DateTimeOffset now, List<string> failures)
    {
        var mode = auth.Mode;
        if (!Enum.IsDefined(mode))
        {
            failures.Add($"{AuthKey}Mode must be Interactive, DeviceCode, ClientSecret, ClientCertificate, Windows, Token or None; got '{mode}'.");
            return;
        }

        switch (mode)
        {
            case DataverseAuthMode.Token when string.IsNullOrWhiteSpace(auth.Token):
                failures.Add($"{AuthKey}Token is required when {AuthKey}Mode is Token.");
                break;
            case DataverseAuthMode.Interactive or DataverseAuthMode.DeviceCode:
                ValidateAuthority(auth, mode, failures);
                ValidateClientId(auth, required: !auth.AllowSampleClient, mode, failures);
                ValidateTenant(auth, required: false, mode, failures);
                ValidateCacheDirectory(auth, failures);
                break;
            case DataverseAuthMode.ClientSecret:
                ValidateAuthority(auth, mode, failures);
                ValidateClientId(auth, required: true, mode, failures);
                ValidateTenant(auth, required: !auth.IsAdfs, mode, failures);
                if (string.IsNullOrWhiteSpace(auth.ClientSecret))
                {
                    failures.Add($"{AuthKey}ClientSecret is required when {AuthKey}Mode is ClientSecret.");
                }

                break;
            case DataverseAuthMode.ClientCertificate:
                ValidateAuthority(auth, mode, failures);
                ValidateClientId(auth, required: true, mode, failures);
                ValidateTenant(auth, required: !auth.IsAdfs, mode, failures);
                // Read now, so a missing file, a wrong password, a missing key or an expired certificate stops the start.
                if (ClientCertificates.TryLoad(auth, now, out var certificate, out var problem))
                {
                    certificate.Dispose();
                }
                else
                {
                    failures.Add(problem);
                }

                break;
            case DataverseAuthMode.Windows:
                if (string.IsNullOrWhiteSpace(auth.UserName) && (!string.IsNullOrEmpty(auth.Password) || !string.IsNullOrEmpty(auth.Domain)))
                {
                    failures.Add($"{AuthKey}UserName is required when {AuthKey}Password or Domain is set; leave all three unset to sign in as the Windows user.");
                }
                else if (!string.IsNullOrWhiteSpace(auth.UserName) && string.IsNullOrEmpty(auth.Password))
                {
                    failures.Add($"{AuthKey}Password is required when {AuthKey}UserName is set.");
                }

                break;
        }

        RequireHttps(url, mode, failures);
        if (!mode.SignsInThroughMsal())
        {
            // Not used by this mode, yet a plain-http authority to another machine is never right: say so now, not after a mode change.
            RefuseRemoteHttpAuthority(auth, mode, failures);
        }
    }

    private static void RefuseRemoteHttpAuthority(DataverseAuthOptions auth, DataverseAuthMode mode, List<string> failures)
    {
        if (Uri.TryCreate(auth.Authority, UriKind.Absolute, out var authority) && authority.Scheme == Uri.UriSchemeHttp && !authority.IsLoopback)
        {
            failures.Add($"{AuthKey}Authority must be https for {mode} sign-in (credentials cross the network); plain http is only for a sign-in service on this machine; got '{auth.Authority}'.");
        }
    }

    /// <summary>Every MSAL mode: MSAL refuses an authority that is not https, even on this machine (the emulator serves HTTPS for it).</summary>
    private static void ValidateAuthority(DataverseAuthOptions auth, DataverseAuthMode mode, List<string> failures)
    {
        if (!Uri.TryCreate(auth.Authority, UriKind.Absolute, out var authority)
            || authority.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(authority.Query) || !string.IsNullOrEmpty(authority.Fragment))
        {
            failures.Add($"{AuthKey}Authority must be an https URL such as {DataverseAuthOptions.DefaultAuthority} (or an AD FS authority such as https://adfs.contoso.com/adfs) for {mode} sign-in; got '{auth.Authority}'.");
        }
    }

    private static void ValidateClientId(DataverseAuthOptions auth, bool required, DataverseAuthMode mode, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(auth.ClientId))
        {
            if (required)
            {
                failures.Add($"{AuthKey}ClientId is not set (MSI: CLIENT_ID): {mode} sign-in needs the application (client) id of your organisation's app registration. " +
                    (mode.IsApplication()
                        ? "It is the application user's app."
                        : $"For a trial only, {AuthKey}AllowSampleClient=true (MSI: ALLOW_SAMPLE_CLIENT=1) signs in as Microsoft's sample app {DataverseAuthOptions.SampleClientId}."));
            }
        }
        else if (!Guid.TryParse(auth.ClientId, out _))
        {
            failures.Add($"{AuthKey}ClientId must be the application (client) id, a GUID; got '{auth.ClientId}'.");
        }
    }

    private static void ValidateTenant(DataverseAuthOptions auth, bool required, DataverseAuthMode mode, List<string> failures)
    {
        var tenant = auth.TenantId;
        if (string.IsNullOrWhiteSpace(tenant))
        {
            if (required)
            {
                failures.Add($"{AuthKey}TenantId is required when {AuthKey}Mode is {mode}: the directory (tenant) id or domain, e.g. contoso.onmicrosoft.com.");
            }

            return;
        }

        if (!Guid.TryParse(tenant, out _) && !TenantDomain().IsMatch(tenant))
        {
            failures.Add($"{AuthKey}TenantId must be a directory (tenant) id or domain such as contoso.onmicrosoft.com; got '{tenant}'.");
        }
        else if (required && tenant is "organizations" or "common" or "consumers")
        {
            failures.Add($"{AuthKey}TenantId must name one tenant for {mode} sign-in, not '{tenant}'.");
        }
    }

    private static void ValidateCacheDirectory(DataverseAuthOptions auth, List<string> failures)
    {
        if (!string.IsNullOrEmpty(auth.CacheDirectory) && !Path.IsPathFullyQualified(auth.CacheDirectory))
        {
            failures.Add($"{AuthKey}CacheDirectory must be a full path; got '{auth.CacheDirectory}'.");
        }
    }

    private static void RequireHttps(Uri? url, DataverseAuthMode mode, List<string> failures)
    {
        // No credential (a token, a Windows sign-in) and no customer's name may cross the network in clear, in any
        // mode: http is for an emulator on this machine.
        if (url is not null && url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            failures.Add($"TrayPop:Dataverse:Url must be https for {mode} sign-in (credentials and customer records cross the network); plain http is only for a CRM on this machine (127.0.0.1, localhost); got '{url}'.");
        }
    }

    [GeneratedRegex(@"^(organizations|common|consumers|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+)$")]
    private static partial Regex TenantDomain();
}

using System.Security.Cryptography.X509Certificates;

namespace TrayPop.Dataverse;

/// <summary>Settings under <c>TrayPop:Dataverse:Auth</c>. Secrets here (Token, ClientSecret, CertificatePassword, Password) are never logged or printed.</summary>
internal sealed class DataverseAuthOptions
{
    /// <summary>Microsoft's sample public client (redirect <c>http://localhost</c>): good for a trial, production registers its own app.</summary>
    public const string SampleClientId = "51f81489-12ee-4a9e-aaae-a2591f45987d";

    public const string DefaultAuthority = "https://login.microsoftonline.com/";

    public DataverseAuthMode Mode { get; set; } = DataverseAuthMode.Interactive;

    /// <summary>The bearer token for <see cref="DataverseAuthMode.Token"/>.</summary>
    public string? Token { get; set; }

    /// <summary>Directory (tenant) id or domain; <c>organizations</c> when unset for Interactive and DeviceCode; required for ClientSecret.</summary>
    public string? TenantId { get; set; }

    /// <summary>Application (client) id of the organisation's app registration; required outside None and Token (MSI: CLIENT_ID).</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// For a trial only: Interactive and DeviceCode without <see cref="ClientId"/> sign in as Microsoft's sample app
    /// (<see cref="SampleClientId"/>), which Microsoft reserves for its samples.
    /// </summary>
    public bool AllowSampleClient { get; set; }

    /// <summary>The client id sign-in uses: the configured one, else the sample app when <see cref="AllowSampleClient"/> allows it.</summary>
    internal string? EffectiveClientId =>
        !string.IsNullOrWhiteSpace(ClientId) ? ClientId.Trim() : AllowSampleClient ? SampleClientId : null;

    /// <summary>Whether sign-in runs as Microsoft's sample app (configured explicitly, or allowed for a trial).</summary>
    internal bool UsesSampleClient => string.Equals(EffectiveClientId, SampleClientId, StringComparison.OrdinalIgnoreCase);

    public string? ClientSecret { get; set; }

    /// <summary>ClientCertificate mode: a PFX (PKCS#12) file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, when it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>ClientCertificate mode, instead of a file: the SHA-1 thumbprint of a certificate in the <see cref="CertificateStore"/> My store.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>Which My store <see cref="CertificateThumbprint"/> is looked up in: <c>CurrentUser</c> (default) or <c>LocalMachine</c>.</summary>
    public StoreLocation CertificateStore { get; set; } = StoreLocation.CurrentUser;

    /// <summary>
    /// The Microsoft Entra ID instance, e.g. <c>https://login.microsoftonline.us/</c> for US Government, the tenant going
    /// below it; or an AD FS authority (<c>https://adfs.contoso.com/adfs</c>, AD FS 2019 and later) for on-premises IFD,
    /// used as it is, without a tenant.
    /// </summary>
    public string Authority { get; set; } = DefaultAuthority;

    /// <summary>Whether <see cref="Authority"/> is AD FS: its path ends in <c>/adfs</c>, as every AD FS farm's does.</summary>
    internal bool IsAdfs =>
        Uri.TryCreate(Authority, UriKind.Absolute, out var uri)
        && uri.AbsolutePath.TrimEnd('/').EndsWith("/adfs", StringComparison.OrdinalIgnoreCase);

    /// <summary>Interactive on Windows: sign in through the Windows account broker (WAM) for single sign-on.</summary>
    public bool UseBroker { get; set; } = true;

    /// <summary>Keep the Interactive/DeviceCode token cache across starts, encrypted for this user (DPAPI, Keychain, or the Linux keyring).</summary>
    public bool PersistTokenCache { get; set; } = true;

    /// <summary>Where the encrypted token cache lives; default: the per-user local application data folder <c>TrayPop</c>.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Windows mode: explicit account instead of the signed-in user's credentials.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? Domain { get; set; }
}

using System.Security.Cryptography.X509Certificates;
using TrayPop.Dataverse;
using TrayPop.Dataverse.Auth;

namespace TrayPop.Dataverse.Tests.Auth;

/// <summary>The ClientCertificate mode's certificate is checked at start: each problem stops it, naming the setting.</summary>
public sealed class ClientCertificatesTests : IDisposable
{
    private const string Client = "0f3a1c2e-1111-4222-8333-444455556666";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "traypop-tests", "certs-" + Guid.NewGuid().ToString("N"));
    private readonly DateTimeOffset _now = TimeProvider.System.GetUtcNow();

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static DataverseAuthOptions Auth(string? path = null, string? password = null, string? thumbprint = null) => new()
    {
        Mode = DataverseAuthMode.ClientCertificate,
        TenantId = "contoso.onmicrosoft.com",
        ClientId = Client,
        CertificatePath = path,
        CertificatePassword = password,
        CertificateThumbprint = thumbprint,
    };

    private static IReadOnlyList<string> Failures(DataverseAuthOptions auth, DateTimeOffset? now = null)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now ?? TimeProvider.System.GetUtcNow());
        var result = new DataverseOptionsValidator(time).Validate(null, new DataverseOptions { Url = "https://contoso.crm.dynamics.com", Auth = auth });
        return result.Failures?.ToList() ?? [];
    }

    private string Pfx(X509Certificate2 certificate, string? password = "pfx-password") => ClientCertificate.WritePfx(certificate, _directory, password);

    [Fact]
    public void Pfx_WithItsPassword_IsFine_AndLoadsWithItsPrivateKey()
    {
        using var certificate = ClientCertificate.Create();
        var auth = Auth(Pfx(certificate), "pfx-password");

        Assert.Empty(Failures(auth));
        Assert.True(ClientCertificates.TryLoad(auth, _now, out var loaded, out _));
        using (loaded)
        {
            Assert.Equal(certificate.Thumbprint, loaded.Thumbprint);
            Assert.True(loaded.HasPrivateKey);
        }
    }

    [Fact]
    public void NeitherFileNorThumbprint_NamesBothKeys() =>
        Assert.Contains(Failures(Auth()), f => f.StartsWith("TrayPop:Dataverse:Auth:CertificatePath (a PFX file", StringComparison.Ordinal) && f.Contains("TrayPop:Dataverse:Auth:CertificateThumbprint", StringComparison.Ordinal));

    [Fact]
    public void BothFileAndThumbprint_AreRefused() =>
        Assert.Contains(Failures(Auth("/tmp/a.pfx", thumbprint: new string('A', 40))), f => f.Contains("are both set", StringComparison.Ordinal));

    [Fact]
    public void MissingFile_NamesThePathSetting()
    {
        var path = Path.Combine(_directory, "missing.pfx");

        Assert.Contains(Failures(Auth(path)), f => f == $"TrayPop:Dataverse:Auth:CertificatePath: there is no file '{path}'.");
    }

    [Fact]
    public void RelativePath_IsRefused() =>
        Assert.Contains(Failures(Auth("indexer.pfx")), f => f.StartsWith("TrayPop:Dataverse:Auth:CertificatePath must be a full path", StringComparison.Ordinal));

    [Fact]
    public void WrongPassword_SaysTheFileCouldNotBeRead_WithoutThePassword()
    {
        using var certificate = ClientCertificate.Create();
        var path = Pfx(certificate);

        var failures = Failures(Auth(path, "not-the-password"));

        Assert.Contains(failures, f => f.StartsWith($"TrayPop:Dataverse:Auth:CertificatePath: '{path}' could not be read as a PFX (PKCS#12) file with TrayPop:Dataverse:Auth:CertificatePassword", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("not-the-password", StringComparison.Ordinal));
    }

    [Fact]
    public void NotAPfx_SaysTheFileCouldNotBeRead()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "text.pfx");
        File.WriteAllText(path, "not a certificate");

        Assert.Contains(Failures(Auth(path)), f => f.Contains("could not be read as a PFX", StringComparison.Ordinal));
    }

    [Fact]
    public void CertificateWithoutItsPrivateKey_IsRefused()
    {
        using var certificate = ClientCertificate.Create();
        using var publicOnly = ClientCertificate.PublicOnly(certificate);

        Assert.Contains(Failures(Auth(Pfx(publicOnly), "pfx-password")), f => f.StartsWith("TrayPop:Dataverse:Auth:CertificatePath: the certificate CN=TrayPop indexer", StringComparison.Ordinal) && f.Contains("has no private key", StringComparison.Ordinal));
    }

    [Fact]
    public void ExpiredCertificate_SaysWhen()
    {
        var made = TimeProvider.System.GetUtcNow();
        using var certificate = ClientCertificate.Create(made.AddDays(-30), made.AddDays(-1));

        var failures = Failures(Auth(Pfx(certificate), "pfx-password"));

        Assert.Contains(failures, f => f.StartsWith("TrayPop:Dataverse:Auth:CertificatePath: the certificate CN=TrayPop indexer", StringComparison.Ordinal) && f.Contains("expired on", StringComparison.Ordinal));
    }

    [Fact]
    public void Expiry_IsJudgedOnTheInjectedClock()
    {
        using var certificate = ClientCertificate.Create();
        var auth = Auth(Pfx(certificate), "pfx-password");

        Assert.Contains(Failures(auth, certificate.NotAfter.ToUniversalTime().AddMinutes(1)), f => f.Contains("expired on", StringComparison.Ordinal));
        Assert.Contains(Failures(auth, certificate.NotBefore.ToUniversalTime().AddMinutes(-1)), f => f.Contains("is not valid before", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("zz00000000000000000000000000000000000000")]
    public void MalformedThumbprint_IsRefused(string thumbprint) =>
        Assert.Contains(Failures(Auth(thumbprint: thumbprint)), f => f.StartsWith("TrayPop:Dataverse:Auth:CertificateThumbprint must be a certificate's SHA-1 thumbprint", StringComparison.Ordinal));

    [Fact]
    public void ThumbprintNotInTheStore_NamesTheStore()
    {
        var thumbprint = "00112233445566778899AABBCCDDEEFF00112233";

        Assert.Contains(Failures(Auth(thumbprint: thumbprint)), f => f == $"TrayPop:Dataverse:Auth:CertificateThumbprint: no certificate with thumbprint {thumbprint} in the CurrentUser My store (TrayPop:Dataverse:Auth:CertificateStore).");
    }

    [Fact]
    public void LocalMachineStoreOnLinux_WhichDotnetDoesNotHave_SaysSo()
    {
        // Windows and macOS have a LocalMachine My store; .NET on Linux only a LocalMachine Root and CA store.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var auth = Auth(thumbprint: "00112233445566778899AABBCCDDEEFF00112233");
        auth.CertificateStore = StoreLocation.LocalMachine;

        Assert.Contains(Failures(auth), f => f.StartsWith("TrayPop:Dataverse:Auth:CertificateThumbprint: the LocalMachine My store could not be opened", StringComparison.Ordinal));
    }

    [Fact]
    public void Thumbprint_FindsTheCertificateInTheCurrentUserStore_WithItsKey()
    {
        using var certificate = ClientCertificate.Create(subject: "CN=TrayPop store test " + Guid.NewGuid().ToString("N")[..8]);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(certificate);
        try
        {
            // As an admin pastes it from the certificate's details: spaced, lower case.
            var pasted = string.Join(' ', certificate.Thumbprint.ToLowerInvariant().Chunk(2).Select(pair => new string(pair)));
            var auth = Auth(thumbprint: pasted);

            Assert.Empty(Failures(auth));
            Assert.True(ClientCertificates.TryLoad(auth, _now, out var loaded, out _));
            using (loaded)
            {
                Assert.Equal(certificate.Thumbprint, loaded.Thumbprint);
                Assert.True(loaded.HasPrivateKey);
            }
        }
        finally
        {
            store.Remove(certificate);
        }
    }
}

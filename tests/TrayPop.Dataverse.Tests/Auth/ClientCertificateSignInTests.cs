using System.Security.Cryptography.X509Certificates;
using TrayPop.Dataverse;
using TrayPop.Dataverse.Auth;

namespace TrayPop.Dataverse.Tests.Auth;

/// <summary>
/// The ClientCertificate mode end to end: MSAL's confidential client signs a client assertion with the PFX's key, and the
/// emulator's token endpoint (over HTTPS) verifies it against the certificate registered for the application.
/// </summary>
public sealed class ClientCertificateSignInTests : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "traypop-tests", "certs-" + Guid.NewGuid().ToString("N"));
    private readonly X509Certificate2 _certificate = ClientCertificate.Create();
    private DataverseHarness? _harness;

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        _certificate.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>
    /// The emulator judges the assertion's exp and nbf, which MSAL sets from the real clock, so its clock is the real one
    /// here; TrayPop's own clock stays fake.
    /// </summary>
    private async Task<DataverseHarness> StartAsync(X509Certificate2 registered)
    {
        var path = ClientCertificate.WritePfx(_certificate, _directory, "pfx-password");
        _harness = await DataverseHarness.StartAsync(
            "ClientCertificate", requireToken: true, serverTime: TimeProvider.System, https: true,
            settings: [$"Dataverse:Auth:CertificatePath={path}", "Dataverse:Auth:CertificatePassword=pfx-password", "Dataverse:Auth:ClientSecret="]);
        _harness.Crm.Auth.RemoveClient(DataverseHarness.ClientId);
        _harness.Crm.Auth.AddClientCertificate(DataverseHarness.ClientId, ClientCertificate.PublicOnly(registered));
        return _harness;
    }

    [Fact]
    public async Task Certificate_SignsInWithAClientAssertion_AndWhoAmIAnswers()
    {
        var harness = await StartAsync(_certificate);

        var whoAmI = await harness.Client.WhoAmIAsync(CancellationToken.None);

        Assert.Equal(new Guid("5e1f0c2a-7d3b-4e6a-9c8d-0000000000c1"), whoAmI.UserId);
        Assert.Equal($"application {DataverseHarness.ClientId}", harness.Tokens.SignedInAs);
        Assert.IsType<MsalConfidentialClientAcquirer>(Assert.IsType<CachingTokenSource>(harness.Tokens).Acquirer);
        Assert.Contains(harness.Logs.Entries, e => e.Text.StartsWith("Signed in to Dataverse (ClientCertificate)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CertificateNotRegisteredOnTheApp_FailsWithTheSignInServicesReason()
    {
        using var other = ClientCertificate.Create();
        var harness = await StartAsync(other);

        var failure = await Assert.ThrowsAsync<SignInException>(() => harness.Client.WhoAmIAsync(CancellationToken.None));

        Assert.Contains("refused the certificate of", failure.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_client", failure.Message, StringComparison.Ordinal);
        Assert.Contains("AADSTS700027", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task PfxPassword_NeverReachesTheLog()
    {
        var harness = await StartAsync(_certificate);

        await harness.Client.WhoAmIAsync(CancellationToken.None);

        Assert.NotEmpty(harness.Logs.Entries);
        Assert.DoesNotContain("pfx-password", harness.Logs.All, StringComparison.Ordinal);
    }
}

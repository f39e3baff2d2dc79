using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrayPop.Dataverse.Auth;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Dataverse.Tests.Support;

namespace TrayPop.Dataverse.Tests.Connectivity;

/// <summary>What <c>traypop check</c> says about the app registration the sign-in uses.</summary>
public sealed class SignInReportTests
{
    private const string Client = "0f3a1c2e-1111-4222-8333-444455556666";

    private const string GuestChallenge = "Bearer authorization_uri=https://login.microsoftonline.com/8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01/oauth2/authorize, resource_id=https://contoso.crm.dynamics.com/";

    private static async Task<string> TextAsync(DataverseAuthOptions auth, Func<HttpRequestMessage, HttpResponseMessage>? answer = null)
    {
        var options = Options.Create(new DataverseOptions { Url = "https://contoso.crm.dynamics.com", Auth = auth });
        using var handler = new AnsweringHandler(answer ?? (_ => new HttpResponseMessage(HttpStatusCode.OK)));
        using var tenants = new TenantDiscovery(new SingleClientFactory(handler), options, NullLogger<TenantDiscovery>.Instance);
        return string.Join('\n', await new SignInReport(options, tenants).LinesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Tenant_FromTheSetting_SaysSo() =>
        Assert.Contains(
            "Tenant:       contoso.onmicrosoft.com (from TrayPop:Dataverse:Auth:TenantId)",
            await TextAsync(new DataverseAuthOptions { ClientId = Client, TenantId = "contoso.onmicrosoft.com" }, _ => throw new InvalidOperationException("no request expected")),
            StringComparison.Ordinal);

    [Fact]
    public async Task Tenant_FromTheChallenge_SaysSo_AndTheAuthorityUsesIt()
    {
        var text = await TextAsync(new DataverseAuthOptions { ClientId = Client }, _ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
            response.Headers.TryAddWithoutValidation("WWW-Authenticate", GuestChallenge);
            return response;
        });

        Assert.Contains("Tenant:       8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01 (from Dataverse's sign-in challenge", text, StringComparison.Ordinal);
        Assert.Contains("authority https://login.microsoftonline.com/8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tenant_WithoutAChallenge_IsTheDefault_AndSaysWhy() =>
        Assert.Contains(
            "Tenant:       organizations (default: Dataverse answered 200 without a sign-in challenge;",
            await TextAsync(new DataverseAuthOptions { ClientId = Client }),
            StringComparison.Ordinal);

    [Fact]
    public async Task OwnApp_IsNamedWithItsKey()
    {
        var text = await TextAsync(new DataverseAuthOptions { ClientId = Client });

        Assert.Contains($"App id:       {Client} (TrayPop:Dataverse:Auth:ClientId)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sample", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleApp_AllowedForATrial_IsCalledMicrosoftsSampleApp()
    {
        var text = await TextAsync(new DataverseAuthOptions { Mode = DataverseAuthMode.DeviceCode, AllowSampleClient = true });

        Assert.Contains($"App id:       {DataverseAuthOptions.SampleClientId} — Microsoft's sample app (allowed for a trial by TrayPop:Dataverse:Auth:AllowSampleClient)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleApp_ConfiguredAsTheClientId_IsStillCalledTheSampleApp() =>
        Assert.Contains(
            "Microsoft's sample app (set in TrayPop:Dataverse:Auth:ClientId)",
            await TextAsync(new DataverseAuthOptions { ClientId = DataverseAuthOptions.SampleClientId }),
            StringComparison.Ordinal);

    [Fact]
    public async Task ClientSecret_NamesTheApplication() =>
        Assert.Contains(
            $"App id:       {Client} (TrayPop:Dataverse:Auth:ClientId)",
            await TextAsync(new DataverseAuthOptions { Mode = DataverseAuthMode.ClientSecret, ClientId = Client, TenantId = "contoso.onmicrosoft.com", ClientSecret = "x" }),
            StringComparison.Ordinal);

    [Fact]
    public async Task ClientCertificate_NamesTheApplication_AndTheCertificate_NeverThePassword()
    {
        var directory = Path.Combine(Path.GetTempPath(), "traypop-tests", "certs-" + Guid.NewGuid().ToString("N"));
        using var certificate = ClientCertificate.Create();
        var path = ClientCertificate.WritePfx(certificate, directory, "pfx-password");
        try
        {
            var text = await TextAsync(new DataverseAuthOptions
            {
                Mode = DataverseAuthMode.ClientCertificate, ClientId = Client, TenantId = "contoso.onmicrosoft.com", CertificatePath = path, CertificatePassword = "pfx-password",
            });

            Assert.Contains($"Sign-in mode: ClientCertificate (application {Client}, authority https://login.microsoftonline.com/contoso.onmicrosoft.com, scope https://contoso.crm.dynamics.com/.default)", text, StringComparison.Ordinal);
            Assert.Contains($"App id:       {Client} (TrayPop:Dataverse:Auth:ClientId)", text, StringComparison.Ordinal);
            Assert.Contains($"Certificate:  certificate CN=TrayPop indexer, thumbprint {certificate.Thumbprint}, expires {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}, from the file {path}", text, StringComparison.Ordinal);
            Assert.DoesNotContain("pfx-password", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(DataverseAuthMode.None)]
    [InlineData(DataverseAuthMode.Windows)]
    [InlineData(DataverseAuthMode.Token)]
    public async Task ModesWithoutAnApp_ShowNoAppId(object mode) =>
        Assert.DoesNotContain("App id:", await TextAsync(new DataverseAuthOptions { Mode = (DataverseAuthMode)mode, Token = "t" }), StringComparison.Ordinal);
}

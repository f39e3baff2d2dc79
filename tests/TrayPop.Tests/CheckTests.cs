using System.Net;
using System.Net.Sockets;
using DataverseEmulator;
using TrayPop.Tests.Support;
using TrayPop.Testing;

namespace TrayPop.Tests;

/// <summary>
/// <c>traypop check</c> as an engineer runs it: each failure named plainly, with a non-zero exit. The emulator serves
/// HTTPS with a certificate the <c>traypop</c> processes trust, so ClientSecret signs in through MSAL, as in production.
/// </summary>
public sealed class CheckTests : IAsyncLifetime
{
    private const string ClientId = "0f3a1c2e-1111-4222-8333-444455556666";
    private const string Secret = "check-secret-never-printed";
    private readonly TrustedEmulatorCertificate _trust = new();
    private EmulatorServer _crm = null!;

    public async Task InitializeAsync()
    {
        _crm = await EmulatorServer.StartAsync(EmulatorSeed.Sample, new EmulatorSettings { RequireToken = true, Certificate = _trust.Certificate });
        _crm.Auth.AddClient(ClientId, Secret);
    }

    public async Task DisposeAsync()
    {
        await _crm.DisposeAsync();
        _trust.Dispose();
    }

    private string Url => _crm.BaseUri.AbsoluteUri.TrimEnd('/');

    private Task<(int ExitCode, string Stdout, string Stderr)> CheckAsync(params string[] settings) =>
        TrayPopProcess.RunWithAsync(_trust.Environment, ["check", $"--TrayPop:Listener:Port={FreePort.Next()}", "--TrayPop:Phone:DefaultRegion=US", .. settings]);

    private string[] ClientSecret(string secret = Secret) =>
    [
        $"--TrayPop:Dataverse:Url={Url}", "--TrayPop:Dataverse:Auth:Mode=ClientSecret", $"--TrayPop:Dataverse:Auth:Authority={_crm.BaseUri}",
        "--TrayPop:Dataverse:Auth:TenantId=contoso.onmicrosoft.com", $"--TrayPop:Dataverse:Auth:ClientId={ClientId}", $"--TrayPop:Dataverse:Auth:ClientSecret={secret}",
    ];

    [Fact]
    public async Task Check_ClientSecret_ReportsModeUserRoundTripAndSources_WithoutTheSecret()
    {
        var (exit, stdout, stderr) = await CheckAsync(ClientSecret());

        Assert.True(exit == 0, stdout + stderr);
        Assert.StartsWith("https://", Url, StringComparison.Ordinal);
        Assert.Contains("TrayPop:Dataverse:Auth:Mode = ClientSecret  [from command line]", stdout, StringComparison.Ordinal);
        Assert.Contains("TrayPop:Dataverse:Auth:ClientSecret = (set, not shown)", stdout, StringComparison.Ordinal);
        Assert.Contains($"Organisation: {Url}", stdout, StringComparison.Ordinal);
        Assert.Contains($"Sign-in mode: ClientSecret (application {ClientId}", stdout, StringComparison.Ordinal);
        Assert.Contains($"Signed in:    user 5e1f0c2a-7d3b-4e6a-9c8d-0000000000c1 as application {ClientId} (WhoAmI answered in ", stdout, StringComparison.Ordinal);
        Assert.Contains("is free (TrayPop is not running)", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AppIdOfAnAppHere_NamesTheApp()
    {
        var (exit, stdout, stderr) = await CheckAsync([.. ClientSecret(), "--TrayPop:Dataverse:AppId=c5a1e0d2-0000-4000-8000-0000000a0001"]);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("App:          TrayPopCustomerService (c5a1e0d2-0000-4000-8000-0000000a0001), an app of this organisation", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AppIdOfNoAppHere_NamesItAndTheAppsHere_AndExits2()
    {
        var (exit, stdout, _) = await CheckAsync([.. ClientSecret(), "--TrayPop:Dataverse:AppId=00000000-0000-4000-8000-00000000dead"]);

        Assert.Equal(2, exit);
        Assert.Contains("App:          NO — TrayPop:Dataverse:AppId 00000000-0000-4000-8000-00000000dead is not an app of this organisation", stdout, StringComparison.Ordinal);
        Assert.Contains("TrayPopCustomerService = c5a1e0d2-0000-4000-8000-0000000a0001", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ClientCertificate_SignsInWithThePfx_AndNamesTheCertificate_NeverThePassword()
    {
        var directory = Path.Combine(Path.GetTempPath(), "traypop-tests", "certs-" + Guid.NewGuid().ToString("N"));
        using var certificate = ClientCertificate.Create();
        var path = ClientCertificate.WritePfx(certificate, directory, "pfx-password-never-printed");
        const string CertificateClient = "7a3a1c2e-1111-4222-8333-444455556666";
        _crm.Auth.AddClientCertificate(CertificateClient, ClientCertificate.PublicOnly(certificate));
        try
        {
            var (exit, stdout, stderr) = await CheckAsync(
                $"--TrayPop:Dataverse:Url={Url}", "--TrayPop:Dataverse:Auth:Mode=ClientCertificate", $"--TrayPop:Dataverse:Auth:Authority={_crm.BaseUri}",
                "--TrayPop:Dataverse:Auth:TenantId=contoso.onmicrosoft.com", $"--TrayPop:Dataverse:Auth:ClientId={CertificateClient}",
                $"--TrayPop:Dataverse:Auth:CertificatePath={path}", "--TrayPop:Dataverse:Auth:CertificatePassword=pfx-password-never-printed");

            Assert.True(exit == 0, stdout + stderr);
            Assert.Contains("TrayPop:Dataverse:Auth:CertificatePassword = (set, not shown)", stdout, StringComparison.Ordinal);
            Assert.Contains($"Certificate:  certificate CN=TrayPop indexer, thumbprint {certificate.Thumbprint}", stdout, StringComparison.Ordinal);
            Assert.Contains($"Signed in:    user 5e1f0c2a-7d3b-4e6a-9c8d-0000000000c1 as application {CertificateClient}", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("pfx-password-never-printed", stdout + stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Check_ClientCertificateFileMissing_NamesTheKeyAndExits2()
    {
        var missing = Path.Combine(Path.GetTempPath(), "traypop-tests", "no-such-indexer.pfx");

        var (exit, stdout, _) = await CheckAsync(
            $"--TrayPop:Dataverse:Url={Url}", "--TrayPop:Dataverse:Auth:Mode=ClientCertificate", "--TrayPop:Dataverse:Auth:TenantId=contoso.onmicrosoft.com",
            $"--TrayPop:Dataverse:Auth:ClientId={ClientId}", $"--TrayPop:Dataverse:Auth:CertificatePath={missing}");

        Assert.Equal(2, exit);
        Assert.Contains($"TrayPop:Dataverse:Auth:CertificatePath: there is no file '{missing}'.", stdout, StringComparison.Ordinal);
    }

    /// <summary>As a C/POSIX locale leaves it: no OS region with a numbering plan.</summary>
    private static readonly Dictionary<string, string> CLocale = new()
    {
        ["LANG"] = "C", ["LC_ALL"] = "C", ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
    };

    [Fact]
    public async Task Check_InACLocaleWithoutARegion_PrintsTheUsFallbackAndWhy()
    {
        var (_, stdout, stderr) = await TrayPopProcess.RunWithAsync(_trust.With(CLocale), "check", $"--TrayPop:Listener:Port={FreePort.Next()}", $"--TrayPop:Dataverse:Url={Url}", "--TrayPop:Dataverse:Auth:Mode=None");

        Assert.Contains(
            "Phone region: US (the fallback: the OS region is invariant (C/POSIX locale, or DOTNET_SYSTEM_GLOBALIZATION_INVARIANT); set TrayPop:Phone:DefaultRegion to the agents' region)",
            stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithTheSetting_PrintsTheRegionAndItsSource()
    {
        var (_, stdout, _) = await TrayPopProcess.RunWithAsync(_trust.With(CLocale), "check", $"--TrayPop:Listener:Port={FreePort.Next()}", "--TrayPop:Phone:DefaultRegion=GB", $"--TrayPop:Dataverse:Url={Url}", "--TrayPop:Dataverse:Auth:Mode=None");

        Assert.Contains("Phone region: GB (from TrayPop:Phone:DefaultRegion)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OnTheFallbackRegion_WarnsNamingTheSetting_BeforeListening()
    {
        var port = FreePort.Next();
        using var run = TrayPopProcess.StartWith(_trust.With(CLocale), "run", $"--TrayPop:Listener:Port={port}", "--TrayPop:Listener:LinePort=0", $"--TrayPop:Dataverse:Url={Url}", "--TrayPop:Dataverse:Auth:Mode=None");
        await Listening.WaitAsync(port);

        var (stdout, stderr) = await run.StopAsync();

        var warning = (stdout + stderr).Split('\n').SingleOrDefault(line => line.Contains("Numbers without a country code are read as", StringComparison.Ordinal)) ?? "";
        Assert.Contains("US", warning, StringComparison.Ordinal);
        Assert.Contains("the OS region is invariant", warning, StringComparison.Ordinal);
        Assert.Contains("Set TrayPop:Phone:DefaultRegion to the agents' region", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BadUrl_NamesTheKeyAndExits2()
    {
        var (exit, stdout, _) = await CheckAsync("--TrayPop:Dataverse:Url=contoso.crm.dynamics.com", "--TrayPop:Dataverse:Auth:Mode=None");

        Assert.Equal(2, exit);
        Assert.Contains("TrayPop:Dataverse:Url must be an absolute https", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ClientSecretModeWithoutSecret_NamesTheKeyAndExits2()
    {
        var (exit, stdout, _) = await CheckAsync($"--TrayPop:Dataverse:Url={Url}", "--TrayPop:Dataverse:Auth:Mode=ClientSecret", "--TrayPop:Dataverse:Auth:TenantId=contoso.onmicrosoft.com", $"--TrayPop:Dataverse:Auth:ClientId={ClientId}");

        Assert.Equal(2, exit);
        Assert.Contains("TrayPop:Dataverse:Auth:ClientSecret is required", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnknownHost_SaysDns()
    {
        var (exit, stdout, _) = await CheckAsync("--TrayPop:Dataverse:Url=https://traypop-check.invalid", "--TrayPop:Dataverse:Auth:Mode=None");

        Assert.Equal(4, exit);
        Assert.Contains("Signed in:    NO — The organisation URL's host was not found (DNS): traypop-check.invalid.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_HttpsToAPlainHttpServer_SaysTlsFailed()
    {
        await using var plain = await EmulatorServer.StartAsync(EmulatorSeed.Sample, new EmulatorSettings());

        var (exit, stdout, _) = await CheckAsync($"--TrayPop:Dataverse:Url=https://127.0.0.1:{plain.BaseUri.Port}", "--TrayPop:Dataverse:Auth:Mode=None");

        Assert.Equal(4, exit);
        Assert.Contains("Signed in:    NO — TLS failed: ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NothingListening_SaysConnectionRefused()
    {
        var port = FreePort.Next();

        var (exit, stdout, _) = await CheckAsync($"--TrayPop:Dataverse:Url=http://127.0.0.1:{port}", "--TrayPop:Dataverse:Auth:Mode=None");

        Assert.Equal(4, exit);
        Assert.Contains($"Signed in:    NO — Nothing answers at 127.0.0.1:{port} (connection refused)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_TokenNotAccepted_Says401()
    {
        var (exit, stdout, _) = await CheckAsync($"--TrayPop:Dataverse:Url={Url}", "--TrayPop:Dataverse:Auth:Mode=Token", "--TrayPop:Dataverse:Auth:Token=not-a-known-token");

        Assert.Equal(4, exit);
        Assert.Contains("Signed in:    NO — Dataverse refused the sign-in (401): The access token is not valid for this organization.", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-known-token", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WrongClientSecret_SaysTheSignInServiceRefused()
    {
        var (exit, stdout, _) = await CheckAsync(ClientSecret("wrong-secret"));

        Assert.Equal(4, exit);
        Assert.Contains("Signed in:    NO — Sign-in failed before Dataverse was asked: The sign-in service refused the client credentials", stdout, StringComparison.Ordinal);
        Assert.Contains("AADSTS7000215", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SignedInWithoutPrivilege_Says403()
    {
        _crm.Faults.Keep(EmulatorFault.Status(403));

        var (exit, stdout, _) = await CheckAsync(ClientSecret());

        Assert.Equal(4, exit);
        Assert.Contains("Signed in:    NO — Signed in but without privilege (403): ", stdout, StringComparison.Ordinal);
        Assert.Contains("needs a security role", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ServerTooSlow_SaysNoAnswerWithin()
    {
        _crm.Faults.Keep(EmulatorFault.Latency(TimeSpan.FromMinutes(1)));

        // One-second attempts: the whole request may take max(3 attempts, budget 3 s + 1 attempt) = 4 s.
        var (exit, stdout, _) = await CheckAsync([.. ClientSecret(), "--TrayPop:Dataverse:RequestTimeout=00:00:01"]);

        Assert.Equal(4, exit);
        Assert.Contains("Signed in:    NO — No answer within 4 s from 127.0.0.1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ListenerPortTakenByAnotherProgram_SaysSoAndExits2()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;

        var (exit, stdout, _) = await TrayPopProcess.RunWithAsync(_trust.Environment, ["check", .. ClientSecret(), $"--TrayPop:Listener:Port={port}"]);

        Assert.Equal(2, exit);
        Assert.Contains($"port {port} is taken by another program", stdout, StringComparison.Ordinal);
    }
}

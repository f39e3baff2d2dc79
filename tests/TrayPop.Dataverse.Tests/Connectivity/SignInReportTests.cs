using Microsoft.Extensions.Options;
using TrayPop.Dataverse.Connectivity;

namespace TrayPop.Dataverse.Tests.Connectivity;

/// <summary>What <c>traypop check</c> says about the app registration the sign-in uses.</summary>
public sealed class SignInReportTests
{
    private const string Client = "0f3a1c2e-1111-4222-8333-444455556666";

    private static async Task<string> TextAsync(DataverseAuthOptions auth) =>
        string.Join('\n', await new SignInReport(Options.Create(new DataverseOptions { Url = "https://contoso.crm.dynamics.com", Auth = auth }))
            .LinesAsync(CancellationToken.None));

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

    [Theory]
    [InlineData(DataverseAuthMode.None)]
    [InlineData(DataverseAuthMode.Windows)]
    [InlineData(DataverseAuthMode.Token)]
    public async Task ModesWithoutAnApp_ShowNoAppId(object mode) =>
        Assert.DoesNotContain("App id:", await TextAsync(new DataverseAuthOptions { Mode = (DataverseAuthMode)mode, Token = "t" }), StringComparison.Ordinal);
}

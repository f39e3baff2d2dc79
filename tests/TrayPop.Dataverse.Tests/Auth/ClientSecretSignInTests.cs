using System.Net;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Dataverse;
using TrayPop.Dataverse.Auth;

namespace TrayPop.Dataverse.Tests.Auth;

/// <summary>The ClientSecret mode end to end: the emulator's token endpoint, its bearer check, expiry and refresh on fake clocks.</summary>
public sealed class ClientSecretSignInTests : IAsyncDisposable
{
    private DataverseHarness? _harness;

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    private async Task<DataverseHarness> StartAsync(TimeProvider? serverTime = null, params string[] settings) =>
        _harness = await DataverseHarness.StartAsync("ClientSecret", requireToken: true, serverTime: serverTime, https: true, settings: settings);

    [Fact]
    public async Task ClientSecret_SignsInAtTheTokenEndpoint_AndWhoAmIAnswers()
    {
        var harness = await StartAsync();

        var whoAmI = await harness.Client.WhoAmIAsync(CancellationToken.None);

        Assert.Equal(new Guid("5e1f0c2a-7d3b-4e6a-9c8d-0000000000c1"), whoAmI.UserId);
        Assert.Equal($"application {DataverseHarness.ClientId}", harness.Tokens.SignedInAs);
        Assert.Equal(1, harness.Crm.ApiRequestCount);
        Assert.IsType<MsalConfidentialClientAcquirer>(Assert.IsType<CachingTokenSource>(harness.Tokens).Acquirer);
    }

    [Fact]
    public async Task ClientSecret_TokenIsReused_UntilFiveMinutesBeforeExpiry_ThenRefreshed()
    {
        var harness = await StartAsync();
        var first = await harness.Tokens.GetTokenAsync(CancellationToken.None);

        harness.Time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal(first, await harness.Tokens.GetTokenAsync(CancellationToken.None));

        harness.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var refreshed = await harness.Tokens.GetTokenAsync(CancellationToken.None);

        Assert.NotEqual(first, refreshed);
        // The new token works, and no request was refused on the way.
        await harness.Client.WhoAmIAsync(CancellationToken.None);
        Assert.Equal(1, harness.Crm.ApiRequestCount);
        Assert.Equal(2, harness.Logs.Entries.Count(e => e.Text.StartsWith("Signed in to Dataverse (ClientSecret)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ExpiredToken_401_SignsInAgainOnce_AndRetries()
    {
        // Dataverse's clock runs ahead of ours: the token TrayPop believes fresh has expired there.
        var serverTime = DataverseHarness.NewClock();
        var harness = await StartAsync(serverTime);
        await harness.Client.WhoAmIAsync(CancellationToken.None);
        serverTime.Advance(TimeSpan.FromHours(2));

        var whoAmI = await harness.Client.WhoAmIAsync(CancellationToken.None);

        Assert.NotEqual(Guid.Empty, whoAmI.UserId);
        // First call, then the refused one and its retry with a new token.
        Assert.Equal(3, harness.Crm.ApiRequestCount);
        Assert.Contains(harness.Logs.Entries, e => e.Text.StartsWith("Dataverse refused the ClientSecret token (401)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refused401EvenWithANewToken_IsNotRetriedAgain()
    {
        var harness = await StartAsync();
        harness.Crm.Faults.Keep(DataverseEmulator.EmulatorFault.Status(401));

        var failure = await Assert.ThrowsAsync<DataverseException>(() => harness.Client.WhoAmIAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Equal(2, harness.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task ConcurrentRequests_SignInOnce()
    {
        var harness = await StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => harness.Client.WhoAmIAsync(CancellationToken.None)));

        Assert.Single(harness.Logs.Entries, e => e.Text.StartsWith("Signed in to Dataverse", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongSecret_FailsWithTheSignInServicesReason()
    {
        var harness = await StartAsync(settings: "Dataverse:Auth:ClientSecret=wrong");

        var failure = await Assert.ThrowsAsync<SignInException>(() => harness.Client.WhoAmIAsync(CancellationToken.None));

        Assert.Contains("invalid_client", failure.Message, StringComparison.Ordinal);
        Assert.Contains("AADSTS7000215", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task UnknownClient_FailsWithTheSignInServicesReason()
    {
        var harness = await StartAsync(settings: "Dataverse:Auth:ClientId=9f3a1c2e-1111-4222-8333-444455556666");

        var failure = await Assert.ThrowsAsync<SignInException>(() => harness.Client.WhoAmIAsync(CancellationToken.None));

        Assert.Contains("unauthorized_client", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeitherTokenNorSecret_EverReachesTheLog()
    {
        var serverTime = DataverseHarness.NewClock();
        var harness = await StartAsync(serverTime);
        await harness.Client.WhoAmIAsync(CancellationToken.None);
        var first = await harness.Tokens.GetTokenAsync(CancellationToken.None);
        serverTime.Advance(TimeSpan.FromHours(2));
        await harness.Client.WhoAmIAsync(CancellationToken.None);
        var second = await harness.Tokens.GetTokenAsync(CancellationToken.None);
        harness.Crm.Faults.ThrottleNext(TimeSpan.FromSeconds(1));
        var throttled = harness.Client.WhoAmIAsync(CancellationToken.None);
        await harness.AdvanceUntilAsync(() => throttled.IsCompleted, "the throttled call retried");

        var log = harness.Logs.All;
        Assert.NotEmpty(harness.Logs.Entries);
        Assert.DoesNotContain(first!, log, StringComparison.Ordinal);
        Assert.DoesNotContain(second!, log, StringComparison.Ordinal);
        Assert.DoesNotContain(DataverseHarness.Secret, log, StringComparison.Ordinal);
    }
}

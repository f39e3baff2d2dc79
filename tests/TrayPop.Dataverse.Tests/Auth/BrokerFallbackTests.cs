using Microsoft.Identity.Client;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using TrayPop.Dataverse.Auth;

namespace TrayPop.Dataverse.Tests.Auth;

/// <summary>
/// Interactive sign-in when the Windows broker fails: the system browser signs in instead, the reason is logged once, and
/// the broker is not asked again. (The broker itself runs only on Windows; here it is a substitute that fails.)
/// </summary>
public sealed class BrokerFallbackTests
{
    private const string Client = "0f3a1c2e-1111-4222-8333-444455556666";
    private static readonly string[] Scopes = ["https://contoso.crm.dynamics.com/user_impersonation"];

    private readonly IInteractiveSignIn _broker = Substitute.For<IInteractiveSignIn>();
    private readonly IInteractiveSignIn _browser = Substitute.For<IInteractiveSignIn>();
    private readonly CapturedLogs _logs = new();

    private BrokerFallback Fallback() => new(_broker, _browser, Client, _logs.CreateLogger("test"));

    private static AuthenticationResult Result(string token) => new(
        token, isExtendedLifeTimeToken: false, uniqueId: "u", expiresOn: TimeProvider.System.GetUtcNow().AddHours(1), extendedExpiresOn: TimeProvider.System.GetUtcNow().AddHours(1),
        tenantId: "t", account: null, idToken: null, scopes: Scopes, correlationId: Guid.NewGuid());

    private IEnumerable<string> Warnings => _logs.Entries.Where(e => e.Text.StartsWith("The Windows sign-in broker (WAM) could not sign in", StringComparison.Ordinal)).Select(e => e.Text);

    [Fact]
    public async Task BrokerSignsIn_TheBrowserIsNeverOpened()
    {
        _broker.SignInAsync(Scopes, Arg.Any<CancellationToken>()).Returns(Result("from-broker"));
        var fallback = Fallback();

        var result = await fallback.SignInAsync(Scopes, CancellationToken.None);

        Assert.Equal("from-broker", result.AccessToken);
        await _browser.DidNotReceiveWithAnyArgs().SignInAsync(default!, default);
        Assert.False(fallback.BrokerFailed);
        Assert.Empty(Warnings);
    }

    [Fact]
    public async Task BrokerFails_TheBrowserSignsIn_AndTheReasonIsLoggedWithTheRedirectUri()
    {
        _broker.SignInAsync(Scopes, Arg.Any<CancellationToken>())
            .ThrowsAsync(new MsalServiceException("invalid_request", "AADSTS50011: The redirect URI 'ms-appx-web://microsoft.aad.brokerplugin/…' does not match."));
        _browser.SignInAsync(Scopes, Arg.Any<CancellationToken>()).Returns(Result("from-browser"));
        var fallback = Fallback();

        var result = await fallback.SignInAsync(Scopes, CancellationToken.None);

        Assert.Equal("from-browser", result.AccessToken);
        Assert.True(fallback.BrokerFailed);
        var warning = Assert.Single(Warnings);
        Assert.Contains("invalid_request: AADSTS50011", warning, StringComparison.Ordinal);
        Assert.Contains($"ms-appx-web://microsoft.aad.brokerplugin/{Client}", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTheBrokerFailed_LaterSignIns_GoStraightToTheBrowser_AndLogNothingMore()
    {
        _broker.SignInAsync(Scopes, Arg.Any<CancellationToken>()).ThrowsAsync(new MsalClientException("wam_failed", "WAM answered an error."));
        _browser.SignInAsync(Scopes, Arg.Any<CancellationToken>()).Returns(Result("from-browser"));
        var fallback = Fallback();

        await fallback.SignInAsync(Scopes, CancellationToken.None);
        await fallback.SignInAsync(Scopes, CancellationToken.None);
        await fallback.SignInAsync(Scopes, CancellationToken.None);

        await _broker.Received(1).SignInAsync(Scopes, Arg.Any<CancellationToken>());
        await _browser.Received(3).SignInAsync(Scopes, Arg.Any<CancellationToken>());
        Assert.Single(Warnings);
    }

    [Fact]
    public async Task NoParentWindow_FallsBack()
    {
        var window = Substitute.For<ISignInWindow>();
        window.Handle.Returns(IntPtr.Zero);
        var brokerApp = Substitute.For<IPublicClientApplication>();
        _browser.SignInAsync(Scopes, Arg.Any<CancellationToken>()).Returns(Result("from-browser"));
        var fallback = new BrokerFallback(new BrokeredSignIn(brokerApp, window), _browser, Client, _logs.CreateLogger("test"));

        var result = await fallback.SignInAsync(Scopes, CancellationToken.None);

        Assert.Equal("from-browser", result.AccessToken);
        Assert.Contains("no_parent_window", Assert.Single(Warnings), StringComparison.Ordinal);
        brokerApp.DidNotReceiveWithAnyArgs().AcquireTokenInteractive(default);
        // Only until the tray's window exists: the next sign-in asks the broker again.
        Assert.False(fallback.BrokerFailed);
    }

    [Fact]
    public async Task EntraRefusesTheSignIn_IsNoBrokerFailure_TheErrorStands_AndNoBrowserOpens()
    {
        // Conditional access that only a compliant device (the broker) can satisfy: the browser would not get further.
        _broker.SignInAsync(Scopes, Arg.Any<CancellationToken>())
            .ThrowsAsync(new MsalServiceException("access_denied", "AADSTS53000: Device is not in required device state: compliant."));
        var fallback = Fallback();

        await Assert.ThrowsAsync<MsalServiceException>(() => fallback.SignInAsync(Scopes, CancellationToken.None));

        await _browser.DidNotReceiveWithAnyArgs().SignInAsync(default!, default);
        Assert.False(fallback.BrokerFailed);
    }

    [Fact]
    public async Task TheUserCancelling_IsNoBrokerFailure_AndOpensNoBrowser()
    {
        _broker.SignInAsync(Scopes, Arg.Any<CancellationToken>()).ThrowsAsync(new MsalClientException(MsalError.AuthenticationCanceledError, "User canceled authentication."));
        var fallback = Fallback();

        var failure = await Assert.ThrowsAsync<MsalClientException>(() => fallback.SignInAsync(Scopes, CancellationToken.None));

        Assert.Equal(MsalError.AuthenticationCanceledError, failure.ErrorCode);
        await _browser.DidNotReceiveWithAnyArgs().SignInAsync(default!, default);
        Assert.False(fallback.BrokerFailed);
        Assert.Empty(Warnings);
    }

    [Fact]
    public async Task Cancelled_IsNoBrokerFailure()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        _broker.SignInAsync(Scopes, cancel.Token).ThrowsAsync(new MsalClientException("wam_failed", "cancelled underneath"));
        var fallback = Fallback();

        await Assert.ThrowsAsync<MsalClientException>(() => fallback.SignInAsync(Scopes, cancel.Token));

        await _browser.DidNotReceiveWithAnyArgs().SignInAsync(default!, default);
        Assert.False(fallback.BrokerFailed);
    }
}

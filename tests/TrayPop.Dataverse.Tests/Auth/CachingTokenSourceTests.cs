using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Dataverse;
using TrayPop.Dataverse.Auth;

namespace TrayPop.Dataverse.Tests.Auth;

/// <summary>When the cached token is reused, refreshed, kept after a failed refresh, and dropped after a 401.</summary>
public sealed class CachingTokenSourceTests
{
    private readonly FakeTimeProvider _time = DataverseHarness.NewClock();

    private sealed class CountingAcquirer(FakeTimeProvider time, TimeSpan lifetime) : ITokenAcquirer
    {
        public int Calls { get; private set; }

        public List<bool> Forced { get; } = [];

        public bool Fail { get; set; }

        public DataverseAuthMode Mode => DataverseAuthMode.Interactive;

        public Task<AccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
        {
            Forced.Add(forceRefresh);
            if (Fail)
            {
                throw new SignInException("the sign-in service is down");
            }

            Calls++;
            return Task.FromResult(new AccessToken($"token-{Calls}", time.GetUtcNow() + lifetime, "agent@contoso.com"));
        }
    }

    private CachingTokenSource Source(CountingAcquirer acquirer) => new(acquirer, _time, NullLogger<CachingTokenSource>.Instance);

    [Fact]
    public async Task OneHourToken_IsReused_UntilFiveMinutesBeforeExpiry()
    {
        var acquirer = new CountingAcquirer(_time, TimeSpan.FromHours(1));
        using var source = Source(acquirer);

        Assert.Equal("token-1", await source.GetTokenAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(55) - TimeSpan.FromTicks(1));
        Assert.Equal("token-1", await source.GetTokenAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromTicks(1));

        Assert.Equal("token-2", await source.GetTokenAsync(CancellationToken.None));
        Assert.Equal("agent@contoso.com", source.SignedInAs);
    }

    [Fact]
    public async Task ShortLivedToken_IsRefreshedHalfWay()
    {
        var acquirer = new CountingAcquirer(_time, TimeSpan.FromMinutes(4));
        using var source = Source(acquirer);

        await source.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1.9));
        Assert.Equal("token-1", await source.GetTokenAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(0.1));

        Assert.Equal("token-2", await source.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FailedRefresh_KeepsTheStillValidToken_AndTriesAgainLater()
    {
        var acquirer = new CountingAcquirer(_time, TimeSpan.FromHours(1));
        using var source = Source(acquirer);
        await source.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(56));
        acquirer.Fail = true;

        Assert.Equal("token-1", await source.GetTokenAsync(CancellationToken.None));
        Assert.Equal("token-1", await source.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, acquirer.Forced.Count);

        acquirer.Fail = false;
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("token-2", await source.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FailedRefresh_OfAnExpiredToken_Fails()
    {
        var acquirer = new CountingAcquirer(_time, TimeSpan.FromHours(1));
        using var source = Source(acquirer);
        await source.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        acquirer.Fail = true;

        await Assert.ThrowsAsync<SignInException>(() => source.GetTokenAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Invalidate_DropsTheToken_AndTheNextSignInSkipsCaches()
    {
        var acquirer = new CountingAcquirer(_time, TimeSpan.FromHours(1));
        using var source = Source(acquirer);
        var refused = await source.GetTokenAsync(CancellationToken.None);

        Assert.True(source.Invalidate(refused!));
        Assert.Equal("token-2", await source.GetTokenAsync(CancellationToken.None));
        Assert.Equal([false, true], acquirer.Forced);

        // A second 401 for the old token (a request that was in flight) does not throw the new one away.
        Assert.True(source.Invalidate(refused!));
        Assert.Equal("token-2", await source.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public void AccessToken_ToString_NeverShowsTheToken() =>
        Assert.DoesNotContain("secret-token-text", new AccessToken("secret-token-text", _time.GetUtcNow(), "agent").ToString(), StringComparison.Ordinal);
}

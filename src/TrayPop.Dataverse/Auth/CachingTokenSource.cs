using Microsoft.Extensions.Logging;

using TrayPop.Dataverse.Diagnostics;

namespace TrayPop.Dataverse.Auth;

/// <summary>
/// Keeps the current token and signs in again before it expires (5 minutes before, or half-way through a shorter
/// lifetime), one sign-in at a time, on the injected clock. After a 401 the refused token is dropped and the next
/// sign-in skips every cache. A failed refresh keeps a still-valid token in use and tries again 30 s later.
/// </summary>
internal sealed class CachingTokenSource(ITokenAcquirer acquirer, TimeProvider time, ILogger<CachingTokenSource> logger) : IAccessTokenSource, IDisposable
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryFailedRefreshAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Entry? _current;
    private volatile bool _refused;

    public string? SignedInAs => _current?.Token.Account;

    internal ITokenAcquirer Acquirer => acquirer;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have signed in while this one waited.
            if (Fresh() is { } signedIn)
            {
                return signedIn;
            }

            var current = _current;
            AccessToken token;
            try
            {
                token = await acquirer.AcquireAsync(_refused, cancellationToken);
            }
            catch (Exception ex) when (current is not null && !cancellationToken.IsCancellationRequested && time.GetUtcNow() < current.Token.ExpiresOn)
            {
                Log.RefreshFailed(logger, acquirer.Mode, ex.Message, current.Token.ExpiresOn);
                _current = current with { RefreshAt = Min(time.GetUtcNow() + RetryFailedRefreshAfter, current.Token.ExpiresOn) };
                return current.Token.Value;
            }

            _refused = false;
            _current = new Entry(token, RefreshTime(token, time.GetUtcNow()));
            Log.SignedIn(logger, acquirer.Mode, token.Account ?? "(unknown)", token.ExpiresOn);
            return token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public bool Invalidate(string token)
    {
        var current = _current;
        if (current is not null && current.Token.Value == token)
        {
            Log.TokenRefused(logger, acquirer.Mode);
            _refused = true;
            _current = null;
        }

        // Either this token was dropped, or another request already replaced it: a retry gets a newer one.
        return true;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>When to sign in again: the margin before expiry, or half of a lifetime shorter than twice the margin.</summary>
    internal static DateTimeOffset RefreshTime(AccessToken token, DateTimeOffset now)
    {
        var lifetime = token.ExpiresOn - now;
        var margin = lifetime < RefreshMargin * 2 ? lifetime / 2 : RefreshMargin;
        return token.ExpiresOn - margin;
    }

    private string? Fresh()
    {
        var current = _current;
        return current is not null && time.GetUtcNow() < current.RefreshAt ? current.Token.Value : null;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record Entry(AccessToken Token, DateTimeOffset RefreshAt);
}

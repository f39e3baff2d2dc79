using System.Collections.Concurrent;
using System.Security.Cryptography;
using DataverseEmulator.Auth;

namespace DataverseEmulator;

/// <summary>
/// Bearer tokens the emulator accepts, and client-credentials clients its token endpoint
/// (<c>POST /{tenant}/oauth2/v2.0/token</c>) issues tokens to. Thread-safe; change it while the server runs.
/// </summary>
public sealed class EmulatorAuth
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _timeProvider;

    internal EmulatorAuth(bool requireToken, TimeProvider timeProvider)
    {
        RequireToken = requireToken;
        _timeProvider = timeProvider;
    }

    /// <summary>Whether Web API requests need a token; starts as <see cref="EmulatorSettings.RequireToken"/>.</summary>
    public bool RequireToken { get; set; }

    /// <summary>Lifetime of tokens from the token endpoint and <see cref="IssueToken"/>; one hour, as Entra ID's default.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public void AddToken(string token, DateTimeOffset expiresOn)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _tokens[token] = expiresOn;
    }

    public void Revoke(string token) => _tokens.TryRemove(token, out _);

    public void AddClient(string clientId, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(secret);
        _clients[clientId] = secret;
    }

    public void RemoveClient(string clientId) => _clients.TryRemove(clientId, out _);

    /// <summary>Creates and accepts a new random token valid for <paramref name="lifetime"/> (default <see cref="TokenLifetime"/>).</summary>
    public string IssueToken(TimeSpan? lifetime = null)
    {
        var token = "emu." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        AddToken(token, _timeProvider.GetUtcNow() + (lifetime ?? TokenLifetime));
        return token;
    }

    internal TokenCheck Check(string? authorizationHeader)
    {
        if (!RequireToken)
        {
            return TokenCheck.Accepted;
        }

        const string Scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Missing;
        }

        var token = authorizationHeader[Scheme.Length..].Trim();
        if (!_tokens.TryGetValue(token, out var expiresOn))
        {
            return TokenCheck.Invalid;
        }

        return _timeProvider.GetUtcNow() >= expiresOn ? TokenCheck.Expired : TokenCheck.Accepted;
    }

    internal ClientCheck CheckClient(string clientId, string? secret)
    {
        if (!_clients.TryGetValue(clientId, out var expected))
        {
            return ClientCheck.UnknownClient;
        }

        var matches = secret is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(secret));
        return matches ? ClientCheck.Accepted : ClientCheck.WrongSecret;
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DataverseEmulator.Auth;

namespace DataverseEmulator;

/// <summary>
/// Bearer tokens the emulator accepts, and client-credentials clients its token endpoint
/// (<c>POST /{tenant}/oauth2/v2.0/token</c>) issues tokens to, each with a secret or certificates (a signed client
/// assertion). Thread-safe; change it while the server runs.
/// </summary>
public sealed class EmulatorAuth
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, X509Certificate2[]> _certificates = new(StringComparer.OrdinalIgnoreCase);
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

    /// <summary>
    /// Registers <paramref name="certificate"/>'s public key for <paramref name="clientId"/>, as an app registration's
    /// "Certificates" list does: the client signs in with a client assertion signed by its private key.
    /// </summary>
    public void AddClientCertificate(string clientId, X509Certificate2 certificate)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(certificate);
        // Only the public part is kept, as Entra ID keeps it.
        var registered = X509CertificateLoader.LoadCertificate(certificate.RawData);
        _certificates.AddOrUpdate(clientId, [registered], (_, existing) => [.. existing, registered]);
    }

    public void RemoveClient(string clientId)
    {
        _clients.TryRemove(clientId, out _);
        _certificates.TryRemove(clientId, out _);
    }

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
            return _certificates.ContainsKey(clientId) ? ClientCheck.WrongSecret : ClientCheck.UnknownClient;
        }

        var matches = secret is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(secret));
        return matches ? ClientCheck.Accepted : ClientCheck.WrongSecret;
    }

    internal bool IsKnownClient(string clientId) => _clients.ContainsKey(clientId) || _certificates.ContainsKey(clientId);

    internal AssertionCheck CheckClientAssertion(string clientId, string assertion, string tokenEndpoint) =>
        ClientAssertion.Verify(assertion, clientId, tokenEndpoint, _certificates.TryGetValue(clientId, out var registered) ? registered : [], _timeProvider.GetUtcNow());
}

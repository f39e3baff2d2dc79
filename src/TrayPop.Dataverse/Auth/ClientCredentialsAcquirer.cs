using System.Text.Json;
using Microsoft.Extensions.Options;

namespace TrayPop.Dataverse.Auth;

/// <summary>
/// The client-credentials grant written over HttpClient, used only for a plain-http sign-in service on this machine (an
/// emulator started without a certificate), because MSAL refuses any authority that is not https. Every https authority
/// goes through <see cref="MsalConfidentialClientAcquirer"/>; the tests run that path against the emulator over HTTPS.
/// </summary>
internal sealed class ClientCredentialsAcquirer(HttpClient http, IOptions<DataverseOptions> options, TimeProvider time) : ITokenAcquirer
{
    public DataverseAuthMode Mode => DataverseAuthMode.ClientSecret;

    public async Task<AccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        // Every call asks the token endpoint: caching is CachingTokenSource's job, so forceRefresh needs nothing here.
        var dataverse = options.Value;
        var auth = dataverse.Auth;
        var endpoint = DataverseScopes.TokenEndpoint(auth);
        using var body = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", auth.ClientId ?? ""),
            new("client_secret", auth.ClientSecret ?? ""),
            new("scope", DataverseScopes.Default(dataverse)),
        ]);

        var requestedAt = time.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(endpoint, body, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SignInException($"The sign-in service at {endpoint.GetLeftPart(UriPartial.Authority)} could not be reached: {ex.Message}", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(text);
                root = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new SignInException($"The sign-in service at {endpoint.GetLeftPart(UriPartial.Authority)} answered {(int)response.StatusCode} without a token.");
            }

            if (!response.IsSuccessStatusCode || root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("access_token", out var accessToken))
            {
                var error = Text(root, "error") ?? $"HTTP {(int)response.StatusCode}";
                var description = Text(root, "error_description") ?? "no description";
                throw new SignInException($"The sign-in service refused the client credentials of {auth.ClientId} ({error}): {description}");
            }

            var lifetime = root.TryGetProperty("expires_in", out var expiresIn) && TryGetSeconds(expiresIn, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromMinutes(5);
            return new AccessToken(accessToken.GetString() ?? "", requestedAt + lifetime, $"application {auth.ClientId}");
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Entra ID sends a number; some older endpoints a string.
    private static bool TryGetSeconds(JsonElement value, out long seconds)
    {
        seconds = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out seconds),
            JsonValueKind.String => long.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out seconds),
            _ => false,
        };
    }
}

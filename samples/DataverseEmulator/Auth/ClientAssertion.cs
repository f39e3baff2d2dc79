using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace DataverseEmulator.Auth;

/// <summary>
/// Verifies a signed client assertion (<c>private_key_jwt</c>, RFC 7523) as Entra ID does: an RS256 or PS256 (what
/// MSAL.NET sends, with <c>x5t#S256</c>) JWT
/// signed by the private key of a certificate registered on the application (found by the <c>x5t</c> or
/// <c>x5t#S256</c> header), with <c>aud</c> the token endpoint, <c>iss</c> and <c>sub</c> the client id, and a
/// current <c>exp</c> (and <c>nbf</c>), allowing five minutes of clock skew.
/// </summary>
internal static class ClientAssertion
{
    public const string JwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public static AssertionCheck Verify(string assertion, string clientId, string tokenEndpoint, IReadOnlyCollection<X509Certificate2> certificates, DateTimeOffset now)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3 || !TryReadJson(parts[0], out var header) || !TryReadJson(parts[1], out var payload)
            || !TryDecode(parts[2], out var signature))
        {
            return Malformed();
        }

        var alg = Text(header, "alg");
        var padding = alg switch
        {
            "RS256" => RSASignaturePadding.Pkcs1,
            "PS256" => RSASignaturePadding.Pss,
            _ => null,
        };
        if (padding is null)
        {
            return new(5002738, $"Invalid JWT token. '{alg}' is not a supported signature algorithm. Supported signing algorithms are: 'RS256, PS256'");
        }

        var candidates = Candidates(header, certificates, out var presented);
        if (candidates.Count == 0)
        {
            return new(700027, $"The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '{presented}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '{clientId}'.]");
        }

        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!candidates.Any(certificate => Verifies(certificate, signed, signature, padding)))
        {
            return new(700027, "Client assertion failed signature validation.");
        }

        if (Text(payload, "aud") is not { } audience || !string.Equals(audience.TrimEnd('/'), tokenEndpoint.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return new(700023, $"Client assertion audience claim does not match Realm issuer. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .");
        }

        if (!string.Equals(Text(payload, "iss"), clientId, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(Text(payload, "sub"), clientId, StringComparison.OrdinalIgnoreCase))
        {
            return new(700021, "Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .");
        }

        var expires = Seconds(payload, "exp");
        var notBefore = Seconds(payload, "nbf");
        if (expires is null || now >= expires.Value + Skew || (notBefore is not null && now + Skew < notBefore.Value))
        {
            return new(700024, string.Create(
                CultureInfo.InvariantCulture,
                $"Client assertion is not within its valid time range. Current time: {now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}, assertion valid from {notBefore?.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}, expiry time of assertion {expires?.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}."));
        }

        return AssertionCheck.Accepted;
    }

    private static AssertionCheck Malformed() => new(50027, "JWT token is invalid or malformed.");

    /// <summary>The registered certificates the header names (by SHA-1 or SHA-256 thumbprint); every one when it names none.</summary>
    private static List<X509Certificate2> Candidates(JsonElement header, IReadOnlyCollection<X509Certificate2> certificates, out string presented)
    {
        var sha256 = Text(header, "x5t#S256");
        var sha1 = Text(header, "x5t");
        presented = "";
        if (sha256 is null && sha1 is null)
        {
            return [.. certificates];
        }

        var thumbprint = sha256 is not null && TryDecode(sha256, out var s256) ? (s256, HashAlgorithmName.SHA256)
            : sha1 is not null && TryDecode(sha1, out var s1) ? (s1, HashAlgorithmName.SHA1)
            : ([], HashAlgorithmName.SHA256);
        presented = Convert.ToHexString(thumbprint.Item1);
        return [.. certificates.Where(certificate => certificate.GetCertHash(thumbprint.Item2).AsSpan().SequenceEqual(thumbprint.Item1))];
    }

    private static bool Verifies(X509Certificate2 certificate, byte[] signed, byte[] signature, RSASignaturePadding padding)
    {
        using var key = certificate.GetRSAPublicKey();
        return key is not null && key.VerifyData(signed, signature, HashAlgorithmName.SHA256, padding);
    }

    private static bool TryReadJson(string part, out JsonElement value)
    {
        value = default;
        if (!TryDecode(part, out var bytes))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            value = document.RootElement.Clone();
            return value.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryDecode(string base64Url, out byte[] bytes)
    {
        try
        {
            bytes = System.Buffers.Text.Base64Url.DecodeFromChars(base64Url);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A NumericDate; MSAL.NET sends it as a string of digits, which Entra ID accepts too.</summary>
    private static DateTimeOffset? Seconds(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        long seconds = 0;
        var read = value.ValueKind == JsonValueKind.Number
            ? value.TryGetInt64(out seconds)
            : value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
        return read && seconds is > 0 and < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }
}

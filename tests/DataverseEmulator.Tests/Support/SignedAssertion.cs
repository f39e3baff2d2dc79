using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace DataverseEmulator.Tests.Support;

/// <summary>Client assertions (JWTs) made by hand, so each claim the token endpoint checks can be got wrong on purpose.</summary>
internal static class SignedAssertion
{
    public static string Create(
        X509Certificate2 signer,
        string audience,
        string issuer,
        DateTimeOffset expires,
        DateTimeOffset? notBefore = null,
        string alg = "RS256",
        X509Certificate2? namedCertificate = null,
        string? subject = null,
        bool datesAsStrings = false)
    {
        var header = new Dictionary<string, object>
        {
            ["alg"] = alg,
            ["typ"] = "JWT",
            ["x5t"] = Base64Url((namedCertificate ?? signer).GetCertHash()),
        };
        var payload = new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["iss"] = issuer,
            ["sub"] = subject ?? issuer,
            ["jti"] = Guid.NewGuid().ToString(),
            ["exp"] = Date(expires, datesAsStrings),
        };
        if (notBefore is { } nbf)
        {
            payload["nbf"] = Date(nbf, datesAsStrings);
        }

        var signed = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        using var key = signer.GetRSAPrivateKey()!;
        var padding = alg == "PS256" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        return signed + "." + Base64Url(key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, padding));
    }

    // MSAL.NET writes NumericDates as strings of digits.
    private static object Date(DateTimeOffset value, bool asString) =>
        asString ? value.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) : value.ToUnixTimeSeconds();

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}

using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TrayPop.Testing;

/// <summary>
/// A self-signed server certificate for 127.0.0.1 and localhost, made at run time (nothing installed in a store), and a
/// handler that trusts exactly that certificate: how tests reach the emulator over HTTPS.
/// </summary>
internal static class DevelopmentCertificate
{
    // One key for the run: a fresh 2048-bit key per test costs CPU that tests on a fake clock beside these feel.
    private static readonly Lazy<byte[]> Key = new(() =>
    {
        using var key = RSA.Create(2048);
        return key.ExportPkcs8PrivateKey();
    });

    public static X509Certificate2 Create()
    {
        using var key = RSA.Create();
        key.ImportPkcs8PrivateKey(Key.Value, out _);
        var request = new CertificateRequest("CN=TrayPop test emulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddIpAddress(System.Net.IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }

    /// <summary>A socket handler that accepts <paramref name="certificate"/> and nothing else.</summary>
    public static SocketsHttpHandler Trusting(X509Certificate2 certificate) => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                presented is not null && (errors == SslPolicyErrors.None || presented.GetCertHashString() == certificate.GetCertHashString()),
        },
    };
}

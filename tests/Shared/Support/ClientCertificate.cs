using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TrayPop.Testing;

/// <summary>
/// An application's sign-in certificate made at run time (RSA 2048, self-signed, with its private key), as an admin
/// makes one for an app registration; and the PFX file an indexer would be configured with.
/// </summary>
internal static class ClientCertificate
{
    // Two RSA keys for the whole run: making a 2048-bit key costs a lot of CPU, which tests on a fake clock beside these feel.
    private static readonly Lazy<byte[]> SharedKey = new(NewKey);
    private static readonly Lazy<byte[]> OtherKey = new(NewKey);

    /// <param name="otherKey">Sign with a second key, for a certificate whose key is not the registered one's.</param>
    public static X509Certificate2 Create(DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, string subject = "CN=TrayPop indexer", bool otherKey = false)
    {
        using var key = RSA.Create();
        key.ImportPkcs8PrivateKey((otherKey ? OtherKey : SharedKey).Value, out _);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: false));
        // Valid a week either side of the real date, so tests on a fake clock a day or two off still see it current.
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(notBefore ?? now.AddDays(-7), notAfter ?? now.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null, X509KeyStorageFlags.Exportable);
    }

    private static byte[] NewKey()
    {
        using var key = RSA.Create(2048);
        return key.ExportPkcs8PrivateKey();
    }

    /// <summary>Writes <paramref name="certificate"/> (with its private key) as a PFX file protected by <paramref name="password"/>.</summary>
    public static string WritePfx(X509Certificate2 certificate, string directory, string? password)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "indexer-" + Guid.NewGuid().ToString("N")[..8] + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    /// <summary>The same certificate without its private key, as a <c>.cer</c> export gives it.</summary>
    public static X509Certificate2 PublicOnly(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);
}

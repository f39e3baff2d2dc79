using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TrayPop.Dataverse.Auth;

/// <summary>
/// The ClientCertificate mode's certificate, from a PFX file or the Windows certificate store, checked as the start
/// checks every setting: it must be there, readable, current, and hold an RSA private key (Entra ID's client assertions
/// are RSA-signed). Each problem names the setting to fix.
/// </summary>
internal static class ClientCertificates
{
    private const string Key = "TrayPop:Dataverse:Auth:";

    public static bool TryLoad(
        DataverseAuthOptions auth, DateTimeOffset now, [NotNullWhen(true)] out X509Certificate2? certificate, [NotNullWhen(false)] out string? problem)
    {
        certificate = null;
        var hasPath = !string.IsNullOrWhiteSpace(auth.CertificatePath);
        var hasThumbprint = !string.IsNullOrWhiteSpace(auth.CertificateThumbprint);
        if (hasPath == hasThumbprint)
        {
            problem = hasPath
                ? $"{Key}CertificatePath and {Key}CertificateThumbprint are both set: give one, the PFX file or the thumbprint of a certificate in the store."
                : $"{Key}CertificatePath (a PFX file with the private key, with {Key}CertificatePassword) or {Key}CertificateThumbprint " +
                  $"(a certificate in the CurrentUser or LocalMachine My store, {Key}CertificateStore) is required when {Key}Mode is ClientCertificate.";
            return false;
        }

        var (loaded, setting, loadProblem) = hasPath ? FromFile(auth) : FromStore(auth);
        if (loaded is null)
        {
            problem = loadProblem!;
            return false;
        }

        problem = Check(loaded, setting, now);
        if (problem is not null)
        {
            loaded.Dispose();
            return false;
        }

        certificate = loaded;
        return true;
    }

    /// <summary>What <c>check</c> says about the certificate (never the key).</summary>
    public static string Describe(X509Certificate2 certificate) => string.Create(
        CultureInfo.InvariantCulture, $"certificate {certificate.Subject}, thumbprint {certificate.Thumbprint}, expires {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}");

    private static (X509Certificate2? Certificate, string Setting, string? Problem) FromFile(DataverseAuthOptions auth)
    {
        const string Setting = Key + "CertificatePath";
        var path = auth.CertificatePath!.Trim();
        if (!Path.IsPathFullyQualified(path))
        {
            return (null, Setting, $"{Setting} must be a full path to a PFX file; got '{path}'.");
        }

        if (!File.Exists(path))
        {
            return (null, Setting, $"{Setting}: there is no file '{path}'.");
        }

        try
        {
            // The key stays in memory for this process; nothing is added to a store.
            return (X509CertificateLoader.LoadPkcs12FromFile(path, auth.CertificatePassword, KeyStorage()), Setting, null);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return (null, Setting, $"{Setting}: '{path}' could not be read as a PFX (PKCS#12) file with {Key}CertificatePassword ({ex.Message.TrimEnd('.')}).");
        }
    }

    private static (X509Certificate2? Certificate, string Setting, string? Problem) FromStore(DataverseAuthOptions auth)
    {
        const string Setting = Key + "CertificateThumbprint";
        var thumbprint = new string([.. auth.CertificateThumbprint!.Where(c => !char.IsWhiteSpace(c) && c is not ':' and not '\u200e')]);
        if (thumbprint.Length != 40 || !thumbprint.All(char.IsAsciiHexDigit))
        {
            return (null, Setting, $"{Setting} must be a certificate's SHA-1 thumbprint, 40 hexadecimal digits; got '{auth.CertificateThumbprint}'.");
        }

        var location = auth.CertificateStore;
        if (!Enum.IsDefined(location))
        {
            return (null, Key + "CertificateStore", $"{Key}CertificateStore must be CurrentUser or LocalMachine; got '{location}'.");
        }

        try
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly);
            var all = store.Certificates;
            var found = all.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            var match = found.Count > 0 ? found[0] : null;
            foreach (var other in all.Where(c => !ReferenceEquals(c, match)))
            {
                other.Dispose();
            }

            return match is null
                ? (null, Setting, $"{Setting}: no certificate with thumbprint {thumbprint.ToUpperInvariant()} in the {location} My store ({Key}CertificateStore).")
                : (match, Setting, null);
        }
        catch (CryptographicException ex)
        {
            return (null, Setting, $"{Setting}: the {location} My store could not be opened ({ex.Message.TrimEnd('.')}); set {Key}CertificateStore, or give a PFX file in {Key}CertificatePath.");
        }
    }

    private static string? Check(X509Certificate2 certificate, string setting, DateTimeOffset now)
    {
        var name = $"{setting}: the certificate {certificate.Subject} (thumbprint {certificate.Thumbprint})";
        if (now >= certificate.NotAfter.ToUniversalTime())
        {
            return string.Create(CultureInfo.InvariantCulture, $"{name} expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC: make a new one, add it to the app registration's certificates, and configure it here.");
        }

        if (now < certificate.NotBefore.ToUniversalTime())
        {
            return string.Create(CultureInfo.InvariantCulture, $"{name} is not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC.");
        }

        if (!certificate.HasPrivateKey)
        {
            return $"{name} has no private key: sign-in needs the certificate with its private key (a PFX, or a store certificate imported with its key), not the .cer the app registration holds.";
        }

        try
        {
            using var key = certificate.GetRSAPrivateKey();
            if (key is null)
            {
                return $"{name} has no RSA key: Microsoft Entra ID accepts RSA certificates for application sign-in.";
            }
        }
        catch (CryptographicException ex)
        {
            return $"{name}: its private key cannot be used by this account ({ex.Message.TrimEnd('.')}).";
        }

        return null;
    }

    // Windows keeps an ephemeral key usable for signing; macOS does not support ephemeral keys.
    private static X509KeyStorageFlags KeyStorage() =>
        OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
}

using System.Security.Cryptography.X509Certificates;
using TrayPop.Testing;

namespace TrayPop.Tests.Support;

/// <summary>
/// The emulator's HTTPS certificate for a test run, trusted by the <c>traypop</c> processes a test starts and by nothing
/// else: OpenSSL (how .NET on Linux builds chains) reads extra roots from the file <c>SSL_CERT_FILE</c> names, so the
/// child trusts it while nothing is installed in any store of this machine.
/// </summary>
internal sealed class TrustedEmulatorCertificate : IDisposable
{
    private readonly string _directory;

    public TrustedEmulatorCertificate()
    {
        Certificate = DevelopmentCertificate.Create();
        _directory = Path.Combine(Path.GetTempPath(), "traypop-tests", "trust-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "emulator.pem");
        File.WriteAllText(file, Certificate.ExportCertificatePem());
        Environment = new Dictionary<string, string> { ["SSL_CERT_FILE"] = file };
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>What a <c>traypop</c> process needs in its environment to trust <see cref="Certificate"/>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary><see cref="Environment"/> with <paramref name="more"/> added.</summary>
    public IReadOnlyDictionary<string, string> With(IReadOnlyDictionary<string, string> more) =>
        Environment.Concat(more).ToDictionary(pair => pair.Key, pair => pair.Value);

    public void Dispose()
    {
        Certificate.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

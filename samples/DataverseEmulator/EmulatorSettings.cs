using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace DataverseEmulator;

/// <summary>How an <see cref="EmulatorServer"/> starts. Every property has a default that suits a unit test.</summary>
public sealed class EmulatorSettings
{
    /// <summary>Default of <see cref="ScanLimit"/>.</summary>
    public const int DefaultScanLimit = 50_000;

    /// <summary>
    /// Listening URL, e.g. <c>http://127.0.0.1:5080</c>; null binds <c>http://127.0.0.1:0</c> (a free port), or
    /// <c>https://127.0.0.1:0</c> with a <see cref="Certificate"/>.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>
    /// A server certificate (with its private key) to serve HTTPS with, as Dataverse and Entra ID do: MSAL refuses a
    /// plain-http authority, so a test that signs in through MSAL serves its token endpoint over HTTPS and trusts this
    /// certificate in its own handler. Tests make one at run time (<c>CertificateRequest</c>); nothing is installed.
    /// </summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>When true, every Web API request needs <c>Authorization: Bearer</c> with a token known to <see cref="EmulatorServer.Auth"/>.</summary>
    public bool RequireToken { get; set; }

    /// <summary>Clock for token expiry, latency faults and createdon/modifiedon; tests pass a FakeTimeProvider.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Optional organisation path for on-premises style URLs: "Contoso" serves <c>/Contoso/api/data/v9.0/</c>.</summary>
    public string? OrganizationName { get; set; }

    /// <summary>Tenant named in the <c>WWW-Authenticate</c> challenge's authorization_uri.</summary>
    public string TenantId { get; set; } = "00000000-0000-4000-8000-0000000000aa";

    public Guid UserId { get; set; } = new("5e1f0c2a-7d3b-4e6a-9c8d-0000000000c1");

    public Guid BusinessUnitId { get; set; } = new("5e1f0c2a-7d3b-4e6a-9c8d-0000000000b1");

    public Guid OrganizationId { get; set; } = new("5e1f0c2a-7d3b-4e6a-9c8d-0000000000a1");

    /// <summary>
    /// Tables with more rows than this refuse a query that has to scan them for a leading-wildcard condition
    /// (contains, endswith, a pattern starting with %, _ or [), answering LeadingWildcardCauseTimeout (0x80048573)
    /// as Dataverse does when such a scan times out.
    /// </summary>
    public int ScanLimit { get; set; } = DefaultScanLimit;

    /// <summary>
    /// How long a new alternate key's index job stays Pending, and then as long InProgress, before the key is
    /// Active (or Failed, when existing rows share key values), measured on <see cref="TimeProvider"/>. Zero makes
    /// keys Active at once.
    /// </summary>
    public TimeSpan KeyIndexDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Minimum level of ASP.NET Core's own logging; quiet by default so many test servers stay readable.</summary>
    public LogLevel LogLevel { get; set; } = LogLevel.Warning;
}

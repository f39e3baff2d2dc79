using DataverseEmulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Dataverse;
using TrayPop.Dataverse.Auth;
using TrayPop.Hosting;
using TrayPop.Testing;

namespace TrayPop.Dataverse.Tests;

/// <summary>
/// The real Dataverse client as the service composes it (sign-in handler, standard resilience, socket handler) against
/// the emulator over loopback, on a fake clock, with every log message captured.
/// </summary>
internal sealed class DataverseHarness : IAsyncDisposable
{
    public const string ClientId = "0f3a1c2e-1111-4222-8333-444455556666";
    public const string Secret = "s3cret-value-that-must-never-be-logged";

    private readonly ServiceProvider _services;

    private DataverseHarness(EmulatorServer crm, ServiceProvider services, CapturedLogs logs, FakeTimeProvider time)
    {
        Crm = crm;
        _services = services;
        Logs = logs;
        Time = time;
    }

    public EmulatorServer Crm { get; }

    public CapturedLogs Logs { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _services;

    public DataverseClient Client => _services.GetRequiredService<DataverseClient>();

    public IAccessTokenSource Tokens => _services.GetRequiredService<IAccessTokenSource>();

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Starts the emulator and the client; settings are <c>Key=Value</c> below <c>TrayPop:</c>.</summary>
    public static async Task<DataverseHarness> StartAsync(
        string mode = "None",
        bool requireToken = false,
        FakeTimeProvider? time = null,
        TimeProvider? serverTime = null,
        bool https = false,
        params string[] settings)
    {
        time ??= NewClock();
        // Over HTTPS (a certificate made for this run, trusted by this harness's clients only) MSAL signs in, as in production.
        var certificate = https ? DevelopmentCertificate.Create() : null;
        var crm = await EmulatorServer.StartAsync(TestSeed.Create(), new EmulatorSettings { RequireToken = requireToken, TimeProvider = serverTime ?? time, Certificate = certificate });
        crm.Auth.AddClient(ClientId, Secret);
        var values = new Dictionary<string, string?>
        {
            ["TrayPop:Dataverse:Url"] = crm.BaseUri.AbsoluteUri.TrimEnd('/'),
            ["TrayPop:Dataverse:Auth:Mode"] = mode,
            ["TrayPop:Dataverse:Auth:Authority"] = crm.BaseUri.AbsoluteUri,
            ["TrayPop:Dataverse:Auth:TenantId"] = "contoso.onmicrosoft.com",
            ["TrayPop:Dataverse:Auth:ClientId"] = ClientId,
            ["TrayPop:Dataverse:Auth:ClientSecret"] = Secret,
            ["TrayPop:Phone:DefaultRegion"] = "US",
        };
        foreach (var setting in settings)
        {
            var split = setting.IndexOf('=', StringComparison.Ordinal);
            values["TrayPop:" + setting[..split]] = setting[(split + 1)..];
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton<TimeProvider>(time);
        services.AddTrayPopCore();
        if (certificate is not null)
        {
            foreach (var name in new[] { nameof(DataverseClient), MsalHttpClients.Name, TenantDiscovery.HttpClientName })
            {
                services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => DevelopmentCertificate.Trusting(certificate));
            }
        }
        return new DataverseHarness(crm, services.BuildServiceProvider(), logs, time);
    }

    /// <summary>Moves the fake clock on in small steps until <paramref name="condition"/> holds (retry delays are timers on that clock).</summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, string what, TimeSpan? step = null)
    {
        var deadline = Environment.TickCount64 + 20_000;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            Time.Advance(step ?? TimeSpan.FromMilliseconds(250));
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Crm.DisposeAsync();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TrayPop.Core.Diagnostics;
using TrayPop.Dataverse;
using TrayPop.Dataverse.Auth;
using TrayPop.Dataverse.Lookup;
using TrayPop.Hosting;
using TrayPop.Hosting.Journal;
using TrayPop.Intake;
using TrayPop.Core.Connectivity;
using TrayPop.Core.Pop;

namespace TrayPop.Hosting.Cli;

/// <summary><c>traypop check</c>: configuration, sign-in (WhoAmI) and the listener port, in plain words; non-zero on any failure.</summary>
internal static class CheckVerb
{
    private static readonly string[] ShownKeys =
    [
        "TrayPop:Dataverse:Url", "TrayPop:Dataverse:ApiVersion", "TrayPop:Dataverse:AppId", "TrayPop:Dataverse:Auth:Mode", "TrayPop:Dataverse:Auth:TenantId",
        "TrayPop:Dataverse:Auth:ClientId", "TrayPop:Dataverse:Auth:Authority", "TrayPop:Dataverse:Auth:UserName",
        "TrayPop:Dataverse:Auth:Token", "TrayPop:Dataverse:Auth:ClientSecret", "TrayPop:Dataverse:Auth:Password",
        "TrayPop:Dataverse:Auth:CertificatePath", "TrayPop:Dataverse:Auth:CertificatePassword", "TrayPop:Dataverse:Auth:CertificateThumbprint",
        "TrayPop:Dataverse:Auth:CertificateStore",
        "TrayPop:Phone:DefaultRegion", "TrayPop:Listener:BasePort", "TrayPop:Listener:Port", "TrayPop:Listener:LinePort", "TrayPop:Browser:Command",
    ];

    /// <summary>Shown only as set or not: secrets never reach the screen (or a support ticket's paste).</summary>
    private static readonly HashSet<string> SecretKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "TrayPop:Dataverse:Auth:Token", "TrayPop:Dataverse:Auth:ClientSecret", "TrayPop:Dataverse:Auth:Password",
        "TrayPop:Dataverse:Auth:CertificatePassword",
    };

    public static async Task<int> RunAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, CancellationToken cancellationToken)
    {
        var configuration = TrayPopConfiguration.Build(settings, platform);
        Console.WriteLine("Settings:");
        foreach (var key in ShownKeys)
        {
            var (value, source) = Find(configuration, key);
            if (value is null && key is not ("TrayPop:Dataverse:Url" or "TrayPop:Dataverse:Auth:Mode" or "TrayPop:Listener:Port"))
            {
                continue;
            }

            var shown = value is null ? "(not set)" : SecretKeys.Contains(key) ? "(set, not shown)" : value;
            Console.WriteLine($"  {key} = {shown}{(source is null ? "  [default]" : $"  [from {source}]")}");
        }

        await using var services = CliServices.Build(configuration, platform);
        DataverseOptions dataverse;
        ListenerOptions listener;
        PopOptions pop;
        try
        {
            dataverse = services.GetRequiredService<IOptions<DataverseOptions>>().Value;
            listener = services.GetRequiredService<IOptions<ListenerOptions>>().Value;
            _ = services.GetRequiredService<IOptions<Core.Lookup.LookupOptions>>().Value;
            pop = services.GetRequiredService<IOptions<PopOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            StartupErrors.Explain(ex, Console.Out);
            return StartupErrors.BadConfiguration;
        }

        Console.WriteLine($"Phone region: {services.GetRequiredService<Core.Phones.CallerIdParser>().EffectiveRegion.Describe()}");
        Console.WriteLine($"Organisation: {dataverse.Url} (Web API {dataverse.ApiUri})");
        foreach (var line in await services.GetRequiredService<TrayPop.Dataverse.Connectivity.SignInReport>().LinesAsync(cancellationToken))
        {
            Console.WriteLine(line);
        }

        var check = await services.GetRequiredService<IConnectionCheck>().CheckAsync(TimeSpan.Zero, cancellationToken);
        var failed = !check.SignedIn;
        Console.WriteLine(check.SignedIn ? $"Signed in:    {OutsideText.Escape(check.Message, 1024)}" : $"Signed in:    NO — {OutsideText.Escape(check.Message, 1024)}");
        if (check.SignedIn)
        {
            Console.WriteLine($"              business unit {check.BusinessUnitId}, organisation {check.OrganizationId}");
        }

        var wrongApp = false;
        if (check.SignedIn)
        {
            var (app, wrong) = await ActivatorUtilities.CreateInstance<TrayPop.Dataverse.Connectivity.AppModuleCheck>(services).CheckAsync(cancellationToken);
            Console.WriteLine($"App:          {app}");
            wrongApp = wrong;
            await DescribeLookupAsync(services, cancellationToken);
        }

        JournalCheck.Describe(services, Console.Out);
        var (port, taken) = await DescribePortAsync(listener.Port, cancellationToken);
        Console.WriteLine($"Listener:     {port}");
        return failed ? StartupErrors.Failed : taken || wrongApp ? StartupErrors.BadConfiguration : 0;
    }

    /// <summary>Which strategy finds callers, and whether the pattern search would scan tables too large to answer.</summary>
    private static async Task DescribeLookupAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var lookup = services.GetRequiredService<StrategyLookup>();
        var strategy = await lookup.ResolveAsync(cancellationToken);
        var how = lookup.Configured == Core.Lookup.LookupStrategy.Auto ? $"{strategy} (Auto)" : strategy.ToString();
        Console.WriteLine($"Lookup:       {how}{(strategy == Core.Lookup.LookupStrategy.Keys ? ": one indexed request per call (tp_phonekeys)" : ": pattern $batch over the configured tables")}");
        if (strategy != Core.Lookup.LookupStrategy.Pattern)
        {
            return;
        }

        try
        {
            var entities = services.GetRequiredService<IOptions<Core.Lookup.LookupOptions>>().Value.EffectiveEntities;
            var sizes = await services.GetRequiredService<TableSizes>().CountAsync(entities, cancellationToken);
            foreach (var (entity, rows) in sizes.Where(s => s.Value > TableSizes.ScanLimit))
            {
                Console.WriteLine($"              WARNING: {entity} has {rows:N0} rows; a pattern search scans them all and Dataverse will time it out " +
                    "(0x80048573), so lookups will fail. `traypop index setup` then `traypop index sync` build the phone-key index that fixes it.");
            }
        }
        catch (DataverseException ex)
        {
            Console.WriteLine($"              (table sizes unknown: {OutsideText.Escape(ex.Message, 1024)})");
        }
    }

    /// <summary>The value of a key, and the last source that sets it (the one that wins).</summary>
    private static (string? Value, string? Source) Find(IConfigurationRoot configuration, string key)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (provider.TryGet(key, out var value))
            {
                var source = provider switch
                {
                    Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider json => json.Source.Path ?? "appsettings.json",
                    Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider => "environment",
                    Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationProvider => "command line",
                    _ => provider.ToString(),
                };
                return (value, source);
            }
        }

        return (null, null);
    }

    /// <returns>The port's state in words, and whether another program holds it (TrayPop could not start there).</returns>
    private static async Task<(string Text, bool Taken)> DescribePortAsync(int port, CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await probe.GetAsync(new Uri($"http://127.0.0.1:{port}/health"), cancellationToken);
            return response.IsSuccessStatusCode
                ? ($"TrayPop is running on 127.0.0.1:{port}", false)
                : ($"port {port} is taken by another program ({(int)response.StatusCode}); set TrayPop:Listener:Port to a free port", true);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return ($"port {port} is free (TrayPop is not running)", false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return ($"port {port} is taken by another program ({ex.Message}); set TrayPop:Listener:Port to a free port", true);
        }
    }
}

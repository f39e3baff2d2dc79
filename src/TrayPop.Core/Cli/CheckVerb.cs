using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrayPop.Core.Dataverse;
using TrayPop.Core.Hosting;
using TrayPop.Core.Intake;

namespace TrayPop.Core.Cli;

/// <summary><c>traypop check</c>: configuration, sign-in (WhoAmI) and the listener port, in plain words; non-zero on any failure.</summary>
internal static class CheckVerb
{
    private static readonly string[] ShownKeys =
    [
        "TrayPop:Dataverse:Url", "TrayPop:Dataverse:Auth:Mode", "TrayPop:Phone:DefaultRegion",
        "TrayPop:Listener:Port", "TrayPop:Listener:LinePort", "TrayPop:Browser:Command",
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, CancellationToken cancellationToken)
    {
        var configuration = TrayPopConfiguration.Build(settings, platform);
        Console.WriteLine("Settings:");
        foreach (var key in ShownKeys)
        {
            var (value, source) = Find(configuration, key);
            Console.WriteLine($"  {key} = {value ?? "(not set)"}{(source is null ? "" : $"  [from {source}]")}");
        }

        await using var services = CliServices.Build(configuration, platform);
        DataverseOptions dataverse;
        ListenerOptions listener;
        try
        {
            dataverse = services.GetRequiredService<IOptions<DataverseOptions>>().Value;
            listener = services.GetRequiredService<IOptions<ListenerOptions>>().Value;
            _ = services.GetRequiredService<IOptions<Lookup.LookupOptions>>().Value;
            _ = services.GetRequiredService<IOptions<Pop.PopOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            StartupErrors.Explain(ex, Console.Out);
            return StartupErrors.BadConfiguration;
        }

        Console.WriteLine($"Organisation: {dataverse.Url}");
        Console.WriteLine($"Sign-in mode: {dataverse.Auth.Mode}");
        var failed = false;
        var watch = Stopwatch.StartNew();
        try
        {
            var whoAmI = await services.GetRequiredService<DataverseClient>().WhoAmIAsync(cancellationToken);
            Console.WriteLine($"Signed in:    user {whoAmI.UserId} (WhoAmI answered in {watch.ElapsedMilliseconds} ms)");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine($"Signed in:    NO — {ex.Message}");
            failed = true;
        }

        Console.WriteLine($"Listener:     {await DescribePortAsync(listener.Port, cancellationToken)}");
        return failed ? StartupErrors.Failed : 0;
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

    private static async Task<string> DescribePortAsync(int port, CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await probe.GetAsync(new Uri($"http://127.0.0.1:{port}/health"), cancellationToken);
            return response.IsSuccessStatusCode
                ? $"TrayPop is running on 127.0.0.1:{port}"
                : $"port {port} is taken by another program ({(int)response.StatusCode})";
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return $"port {port} is free (TrayPop is not running)";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return $"port {port} is taken by another program ({ex.Message})";
        }
    }
}

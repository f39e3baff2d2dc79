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
using TrayPop.Core.Dataverse;
using TrayPop.Core.Dataverse.Auth;
using TrayPop.Core.Hosting;
using TrayPop.Core.Intake;
using TrayPop.Core.Pop;

namespace TrayPop.Core.Cli;

/// <summary><c>traypop check</c>: configuration, sign-in (WhoAmI) and the listener port, in plain words; non-zero on any failure.</summary>
internal static class CheckVerb
{
    private static readonly string[] ShownKeys =
    [
        "TrayPop:Dataverse:Url", "TrayPop:Dataverse:ApiVersion", "TrayPop:Dataverse:Auth:Mode", "TrayPop:Dataverse:Auth:TenantId",
        "TrayPop:Dataverse:Auth:ClientId", "TrayPop:Dataverse:Auth:Authority", "TrayPop:Dataverse:Auth:UserName",
        "TrayPop:Dataverse:Auth:Token", "TrayPop:Dataverse:Auth:ClientSecret", "TrayPop:Dataverse:Auth:Password",
        "TrayPop:Phone:DefaultRegion", "TrayPop:Listener:BasePort", "TrayPop:Listener:Port", "TrayPop:Listener:LinePort", "TrayPop:Browser:Command",
    ];

    /// <summary>Shown only as set or not: secrets never reach the screen (or a support ticket's paste).</summary>
    private static readonly HashSet<string> SecretKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "TrayPop:Dataverse:Auth:Token", "TrayPop:Dataverse:Auth:ClientSecret", "TrayPop:Dataverse:Auth:Password",
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
            _ = services.GetRequiredService<IOptions<Lookup.LookupOptions>>().Value;
            pop = services.GetRequiredService<IOptions<PopOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            StartupErrors.Explain(ex, Console.Out);
            return StartupErrors.BadConfiguration;
        }

        Console.WriteLine($"Organisation: {dataverse.Url} (Web API {dataverse.ApiUri})");
        Console.WriteLine($"Sign-in mode: {DescribeMode(dataverse)}");
        var failed = false;
        var watch = Stopwatch.StartNew();
        try
        {
            var whoAmI = await services.GetRequiredService<DataverseClient>().WhoAmIAsync(cancellationToken);
            var who = services.GetRequiredService<IAccessTokenSource>().SignedInAs;
            Console.WriteLine($"Signed in:    user {whoAmI.UserId}{(who is null ? "" : $" as {who}")} (WhoAmI answered in {watch.ElapsedMilliseconds} ms)");
            Console.WriteLine($"              business unit {whoAmI.BusinessUnitId}, organisation {whoAmI.OrganizationId}");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine($"Signed in:    NO — {Explain(ex, dataverse, pop)}");
            failed = true;
        }

        var (port, taken) = await DescribePortAsync(listener.Port, cancellationToken);
        Console.WriteLine($"Listener:     {port}");
        return failed ? StartupErrors.Failed : taken ? StartupErrors.BadConfiguration : 0;
    }

    /// <summary>One failure of the sign-in round trip, in words an engineer can act on.</summary>
    internal static string Explain(Exception exception, DataverseOptions dataverse, PopOptions pop)
    {
        var url = dataverse.OrganisationUri;
        switch (exception)
        {
            case SignInException signIn:
                return $"Sign-in failed before Dataverse was asked: {signIn.Message}";
            case DataverseException { StatusCode: HttpStatusCode.Unauthorized } refused:
                return $"Dataverse refused the sign-in (401): {ServerMessage(refused)} Check TrayPop:Dataverse:Auth:* and that this account or application belongs to the organisation's tenant.";
            case DataverseException { StatusCode: HttpStatusCode.Forbidden } forbidden:
                return $"Signed in but without privilege (403): {ServerMessage(forbidden)} The user (or the application user, for ClientSecret) needs a security role in this organisation.";
            case DataverseException { StatusCode: HttpStatusCode.NotFound }:
                return $"The organisation URL answered 404 (not found) for {dataverse.ApiUri}WhoAmI: check TrayPop:Dataverse:Url (the organisation root) and TrayPop:Dataverse:ApiVersion ({dataverse.ApiVersion}).";
            case DataverseException { StatusCode: HttpStatusCode.TooManyRequests } throttled:
                return $"Dataverse is throttling this user (429) and still refused after waiting as asked: {ServerMessage(throttled)} Try again in a few minutes.";
            case DataverseException { StatusCode: { } status } answered when (int)status >= 500:
                return $"Dataverse failed ({(int)status} {status}) even after retries: {ServerMessage(answered)}";
            case DataverseException { StatusCode: { } status } answered:
                return $"Dataverse answered {(int)status} {status}: {ServerMessage(answered)}";
            case DataverseException { InnerException: HttpRequestException unreachable }:
                return Unreachable(unreachable, url);
            case HttpRequestException unreachable:
                return Unreachable(unreachable, url);
            case TimeoutRejectedException or TimeoutException or TaskCanceledException:
                var total = DataverseClientRegistration.TotalTimeout(dataverse, pop);
                return string.Create(CultureInfo.InvariantCulture,
                    $"No answer within {total.TotalSeconds:0.#} s from {url.Host} (each attempt may take {dataverse.RequestTimeout.TotalSeconds:0.#} s, TrayPop:Dataverse:RequestTimeout).");
            case BrokenCircuitException:
                return $"Dataverse failed repeatedly, so TrayPop stopped asking it for {DataverseClientRegistration.BreakDuration.TotalSeconds:0} s.";
            case JsonException or KeyNotFoundException or FormatException or InvalidOperationException:
                return $"{url} answered, but not as Dataverse's Web API does ({exception.Message}): is TrayPop:Dataverse:Url the organisation root?";
            default:
                return exception.Message;
        }
    }

    private static string Unreachable(HttpRequestException exception, Uri url)
    {
        var endpoint = $"{url.Host}:{url.Port}";
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"The organisation URL's host was not found (DNS): {url.Host}. Check TrayPop:Dataverse:Url and this machine's network.",
            HttpRequestError.SecureConnectionError => $"TLS failed: {Innermost(exception).Message} The server at {endpoint} may not speak https on that port, or its certificate is not trusted by this machine.",
            HttpRequestError.ConnectionError when Innermost(exception) is SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
                $"Nothing answers at {endpoint} (connection refused): check TrayPop:Dataverse:Url.",
            HttpRequestError.ConnectionError => $"Could not connect to {endpoint}: {Innermost(exception).Message}",
            HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse => $"The server at {endpoint} dropped the connection or answered something that is not HTTP: {Innermost(exception).Message}",
            HttpRequestError.ProxyTunnelError => $"The proxy would not connect to {endpoint}: {Innermost(exception).Message}",
            _ => $"Dataverse could not be reached at {endpoint}: {exception.Message}",
        };
    }

    private static string ServerMessage(DataverseException exception)
    {
        // DataverseException's text is "Dataverse answered 403 Forbidden: <server message>"; keep the server's part.
        var text = exception.Message;
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        var message = colon >= 0 ? text[(colon + 2)..] : text;
        return message.EndsWith('.') ? message : message + ".";
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }

    private static string DescribeMode(DataverseOptions dataverse)
    {
        var auth = dataverse.Auth;
        return auth.Mode switch
        {
            DataverseAuthMode.Interactive or DataverseAuthMode.DeviceCode =>
                $"{auth.Mode} (client {(string.IsNullOrWhiteSpace(auth.ClientId) ? DataverseAuthOptions.SampleClientId + ", Microsoft's sample app" : auth.ClientId)}, " +
                $"authority {DataverseScopes.Authority(auth)}, scope {DataverseScopes.UserImpersonation(dataverse)})",
            DataverseAuthMode.ClientSecret => $"ClientSecret (application {auth.ClientId}, authority {DataverseScopes.Authority(auth)}, scope {DataverseScopes.Default(dataverse)})",
            DataverseAuthMode.Windows => $"Windows (Negotiate as {WindowsCredentials.Describe(auth)})",
            DataverseAuthMode.Token => "Token (a bearer token from the configuration)",
            _ => "None (no sign-in: for the emulator)",
        };
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

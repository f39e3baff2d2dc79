using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using TrayPop.Hosting;
using TrayPop.Intake;

namespace TrayPop.Hosting.Cli;

/// <summary>
/// Where <c>traypop pop</c> sends its event: this session's line-protocol port (0 when the line intake is off), and the
/// shared secret if one is set.
/// </summary>
internal sealed record PopTarget(int LinePort, string? Token)
{
    private const string Prefix = ListenerOptions.Section + ":";

    /// <summary>The settings of <see cref="ListenerOptions"/> the binder reads; any of them written oddly goes to the binder.</summary>
    private static readonly string[] Keys = ["Port", "BasePort", "LinePort", "MaxEventsPerSecond", "Token", "TokenFile"];

    public static PopTarget Read(IReadOnlyList<string> settings, TrayPopPlatform platform) =>
        Read(settings, platform, Environment.GetEnvironmentVariables(), Path.Combine(AppContext.BaseDirectory, "appsettings.json"));

    /// <summary>
    /// Reads the listener settings from the service's sources in its order (<see cref="TrayPopConfiguration"/>), the two
    /// that every pop has (environment and command line) by hand: building the whole configuration and binding it costs a
    /// pop more than the rest of it does. Numbers written other than as plain digits go through the binder over the full
    /// configuration, so they mean, or fail, as they do to the service.
    /// </summary>
    internal static PopTarget Read(IReadOnlyList<string> settings, TrayPopPlatform platform, IDictionary environment, string appSettingsPath)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (Below(platform, appSettingsPath) is { } below)
        {
            foreach (var key in Keys)
            {
                if (below[Prefix + key] is { } value)
                {
                    values[key] = value;
                }
            }
        }

        // As the environment source reads it: every variable, "__" for ":", names in any case.
        foreach (DictionaryEntry variable in environment)
        {
            Set(values, ((string)variable.Key).Replace("__", ":", StringComparison.Ordinal), (string?)variable.Value);
        }

        // As the command-line source reads a --Key=Value setting: the key verbatim, the value after the first '='.
        var plain = true;
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            plain &= equals > 2 && setting.StartsWith("--", StringComparison.Ordinal);
            if (plain)
            {
                Set(values, setting[2..equals], setting[(equals + 1)..]);
            }
        }

        if (!plain || !AllPlainNumbers(values))
        {
            return Bound(settings, platform);
        }

        var listener = new ListenerOptions
        {
            ConfiguredPort = values.TryGetValue("Port", out var port) ? Number(port) : null,
            ConfiguredLinePort = values.TryGetValue("LinePort", out var linePort) ? Number(linePort) : null,
            BasePort = values.TryGetValue("BasePort", out var basePort) ? Number(basePort) : ListenerOptions.DefaultPort,
            Token = values.TryGetValue("Token", out var token) ? token : null,
            TokenFile = values.TryGetValue("TokenFile", out var tokenFile) ? tokenFile : null,
        };
        return Of(listener, platform);
    }

    /// <summary>
    /// appsettings.json and the platform's sources (the registry on Windows), through their own providers; null when
    /// there are neither, as on a Linux desktop.
    /// </summary>
    private static IConfiguration? Below(TrayPopPlatform platform, string appSettingsPath)
    {
        var hasFile = File.Exists(appSettingsPath);
        return hasFile || platform.AddConfiguration is not null ? Build(platform, hasFile ? appSettingsPath : null) : null;
    }

    /// <summary>The order of <see cref="TrayPopConfiguration.AddTrayPopSources"/>: appsettings.json below the platform's sources.</summary>
    private static IConfigurationRoot Build(TrayPopPlatform platform, string? appSettingsPath)
    {
        var builder = new ConfigurationBuilder();
        if (appSettingsPath is not null)
        {
            builder.AddJsonFile(appSettingsPath, optional: true, reloadOnChange: false);
        }

        platform.AddConfiguration?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>Keeps <paramref name="value"/> when <paramref name="key"/> is one of <see cref="Keys"/> (a later source wins).</summary>
    private static void Set(Dictionary<string, string?> values, string key, string? value)
    {
        if (key.Length > Prefix.Length && key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            var name = key.AsSpan(Prefix.Length);
            foreach (var candidate in Keys)
            {
                if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
                {
                    values[candidate] = value;
                }
            }
        }
    }

    /// <summary>Whether every number among <paramref name="values"/> is plain digits that fit an int, as nearly every one is.</summary>
    private static bool AllPlainNumbers(Dictionary<string, string?> values)
    {
        foreach (var (key, value) in values)
        {
            if (key is not ("Token" or "TokenFile") && !IsPlainNumber(value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlainNumber(string? value)
    {
        if (value is not { Length: > 0 and < 10 })
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(string? digits) => int.Parse(digits!, NumberStyles.None, CultureInfo.InvariantCulture);

    private static PopTarget Bound(IReadOnlyList<string> settings, TrayPopPlatform platform) =>
        Of(TrayPopConfiguration.Build(settings, platform).GetSection(ListenerOptions.Section).Get<ListenerOptions>() ?? new ListenerOptions(), platform);

    private static PopTarget Of(ListenerOptions listener, TrayPopPlatform platform)
    {
        // This session's instance, by the rule the service listens by (an explicit TrayPop:Listener:LinePort wins).
        listener.SessionId = platform.SessionId;
        var noSecret = string.IsNullOrEmpty(listener.Token) && string.IsNullOrEmpty(listener.TokenFile);
        return new PopTarget(listener.LinePort, noSecret ? null : ListenerSecret.Read(listener));
    }
}

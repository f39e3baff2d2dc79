using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrayPop.Intake.Listening;

namespace TrayPop.Hosting;

/// <summary>What a platform host adds to the core: configuration sources (the registry on Windows) and services (tray, notifier, launcher).</summary>
internal sealed class TrayPopPlatform
{
    /// <summary>Sources added above appsettings.json and below environment variables and the command line.</summary>
    public Action<IConfigurationBuilder>? AddConfiguration { get; init; }

    /// <summary>Registers the platform's <c>ILauncher</c>, <c>INotifier</c> and hosted services; runs before the core's defaults.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Whether this platform shows a tray (so unknown callers get a notification by default).</summary>
    public bool HasTray { get; init; }

    /// <summary>
    /// The OS session this process runs in (Windows: <c>ProcessIdToSessionId</c>; 0 where there is none). Picks this
    /// session's listener ports, for the service and for <c>traypop pop</c> alike (see <c>Intake/SessionPorts</c>).
    /// </summary>
    public int SessionId { get; init; }

    /// <summary>
    /// How <c>traypop pop</c> (and <c>recent</c>) tells who holds the port it dialled, before it sends anything. A factory:
    /// pop's fast path runs without the host, and calls it only once connected. Null: Linux reads <c>/proc/net/tcp</c>;
    /// elsewhere nothing is checked.
    /// </summary>
    public Func<IPeerOwners>? ListenerOwners { get; init; }

    public static TrayPopPlatform Headless { get; } = new();
}

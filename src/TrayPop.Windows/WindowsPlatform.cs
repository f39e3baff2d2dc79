using Microsoft.Extensions.DependencyInjection;
using TrayPop.Hosting.Cli;
using TrayPop.Hosting;
using TrayPop.Intake;
using TrayPop.Intake.Listening;
using TrayPop.Windows.Listening;
using TrayPop.Windows.Configuration;
using TrayPop.Windows.Tray;

namespace TrayPop.Windows;

/// <summary>What Windows adds to the core host: machine settings and policy from the registry, and the tray (unless <c>--no-tray</c>).</summary>
internal static class WindowsPlatform
{
    public static TrayPopPlatform Create()
    {
        // Every user of a terminal server has their own session, and so their own listener ports (SessionPorts).
        var session = (int)SingleInstance.CurrentSessionId();
        return new()
        {
            HasTray = true,
            SessionId = session,
            AddConfiguration = builder => builder.AddTrayPopRegistry(),
            // traypop pop checks who holds the port it dials, as the intakes check who dials them.
            ListenerOwners = () => new TokenUserPeerOwners(),
            ConfigureServices = services => services
                // check builds the services without the host: it must see this session's ports too.
                .PostConfigure<ListenerOptions>(listener => listener.SessionId = session)
                // Same user only: the TCP table's owning process and its token's user (the core's stand-in cannot tell).
                .AddSingleton<IPeerOwners>(_ => new TokenUserPeerOwners())
                .AddWindowsTray(),
        };
    }

    /// <summary>True for <c>run</c> and <c>demo</c> (and no verb at all): the starts that become the session's one service.</summary>
    public static bool IsServiceStart(IEnumerable<string> args)
    {
        var (_, verbs) = TrayPopCommandLine.SplitSettings(args);
        var verb = verbs.FirstOrDefault(a => !a.StartsWith('-'));
        return verb is null or "run" or "demo" && !verbs.Any(a => a is "-h" or "--help" or "-?" or "--version");
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrayPop.Core.Pop;
using TrayPop.Windows.Tray;

namespace TrayPop.Windows;

/// <summary>
/// The Windows entry point until the core's command line lands: single instance, then a host with
/// the tray. <c>--no-tray</c> runs without the icon; <c>--test-balloon URL</c> is the system tests' hook.
/// </summary>
internal static class WindowsProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rest = new List<string>(args);
        var noTray = rest.Remove("--no-tray");
        var balloon = TakeValue(rest, TestBalloon.Switch);

        using var instance = SingleInstance.TryAcquire();
        if (instance is null)
        {
            // Forwarding this start's arguments to the running instance comes later.
            return 0;
        }

        var builder = Host.CreateApplicationBuilder([.. rest]);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        if (noTray)
        {
            builder.Services.AddWindowsLauncher();
        }
        else
        {
            builder.Services.AddWindowsTray();
            if (balloon is not null)
            {
                var url = new Uri(balloon, UriKind.Absolute);
                builder.Services.AddHostedService(sp => new TestBalloon(sp.GetRequiredService<INotifier>(), url));
            }
        }

        using var host = builder.Build();
        await host.RunAsync();
        return 0;
    }

    private static string? TakeValue(List<string> args, string name)
    {
        var index = args.IndexOf(name);
        if (index < 0 || index + 1 >= args.Count)
        {
            return null;
        }

        var value = args[index + 1];
        args.RemoveRange(index, 2);
        return value;
    }
}

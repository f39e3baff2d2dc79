using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrayPop.Hosting.Demo;
using TrayPop.Intake;

namespace TrayPop.Hosting.Cli;

/// <summary><c>traypop demo</c>: the service against the Dataverse emulator with its sample contacts.</summary>
internal static class DemoVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, CancellationToken cancellationToken)
    {
        DemoEmulator? crm;
        try
        {
            crm = await DemoEmulator.StartAsync(Console.Error, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            await Console.Error.WriteLineAsync($"The Dataverse emulator did not start: {ex.Message}");
            return StartupErrors.Failed;
        }

        if (crm is null)
        {
            await Console.Error.WriteLineAsync(DemoEmulator.NotFoundMessage);
            return StartupErrors.BadConfiguration;
        }

        await using var emulator = crm;
        // The emulator's settings come last so they win over whatever appsettings.json points at.
        List<string> demoSettings = [.. settings, $"--TrayPop:Dataverse:Url={crm.Url.AbsoluteUri.TrimEnd('/')}", "--TrayPop:Dataverse:Auth:Mode=None"];
        try
        {
            using var host = TrayPopHost.Build(demoSettings, platform);
            await host.StartAsync(cancellationToken);
            var listener = host.Services.GetRequiredService<IOptions<ListenerOptions>>().Value;
            var port = listener.Port;
            // pop finds this session's ports by itself, unless they were set by hand for this run.
            var popPort = listener.ConfiguredPort is null && listener.ConfiguredLinePort is null ? "" : $" --TrayPop:Listener:LinePort={listener.LinePort}";
            var number = Uri.EscapeDataString(DemoEmulator.SampleNumber);
            Console.WriteLine($"""

                TrayPop demo is running.
                  Dataverse emulator (sample contacts): {crm.Url}
                  Call intake:                          http://127.0.0.1:{port}/call

                Pop {DemoEmulator.SampleName} from another terminal with either of:
                  curl "http://127.0.0.1:{port}/call?number={number}&type=inbound"
                  dotnet run --project src/TrayPop -- pop {DemoEmulator.SampleNumber}{popPort}

                An unknown number opens the new-contact form:
                  curl "http://127.0.0.1:{port}/call?number=%2B14255550188"

                Press Ctrl+C to stop.
                """);
            await host.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
        catch (Exception ex) when (StartupErrors.Explain(ex, Console.Error) is { } code)
        {
            return code;
        }
    }
}

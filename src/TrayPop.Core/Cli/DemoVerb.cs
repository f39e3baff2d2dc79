using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrayPop.Core.Hosting;
using TrayPop.Core.Intake;

namespace TrayPop.Core.Cli;

/// <summary><c>traypop demo</c>: the service against an in-process Dataverse emulator with sample contacts.</summary>
internal static class DemoVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, CancellationToken cancellationToken)
    {
        if (platform.StartDemoCrm is null)
        {
            await Console.Error.WriteLineAsync("This build has no Dataverse emulator; demo is not available.");
            return StartupErrors.Failed;
        }

        var crm = await platform.StartDemoCrm(cancellationToken);
        await using var server = crm.Server;
        // The emulator's settings come last so they win over whatever appsettings.json points at.
        List<string> demoSettings = [.. settings, $"--TrayPop:Dataverse:Url={crm.Url.AbsoluteUri.TrimEnd('/')}", "--TrayPop:Dataverse:Auth:Mode=None"];
        try
        {
            using var host = TrayPopHost.Build(demoSettings, platform);
            await host.StartAsync(cancellationToken);
            var port = host.Services.GetRequiredService<IOptions<ListenerOptions>>().Value.Port;
            var number = Uri.EscapeDataString(crm.SampleNumber);
            Console.WriteLine($"""

                TrayPop demo is running.
                  Dataverse emulator (sample contacts): {crm.Url}
                  Call intake:                          http://127.0.0.1:{port}/call

                Pop {crm.SampleName} from another terminal with either of:
                  curl "http://127.0.0.1:{port}/call?number={number}&type=inbound"
                  dotnet run --project src/TrayPop -- pop {crm.SampleNumber}

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

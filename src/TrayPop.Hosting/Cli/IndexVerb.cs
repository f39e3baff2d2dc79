using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrayPop.Core.Diagnostics;
using TrayPop.Core.Lookup;
using TrayPop.Dataverse;
using Log = TrayPop.Dataverse.Diagnostics.Log;
using TrayPop.Dataverse.Index;
using TrayPop.Dataverse.Lookup;

namespace TrayPop.Hosting.Cli;

/// <summary><c>traypop index setup | sync [--once] | status [--json]</c>: the phone-key index, run by an admin or a server.</summary>
internal static class IndexVerb
{
    public static Task<int> SetupAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, CancellationToken cancellationToken) =>
        RunAsync(settings, platform, services => services.GetRequiredService<IndexSetup>().RunAsync(Console.Out, cancellationToken), cancellationToken);

    public static Task<int> SyncAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, bool once, CancellationToken cancellationToken) =>
        RunAsync(settings, platform, async services =>
        {
            var sync = services.GetRequiredService<IndexSync>();
            var time = services.GetRequiredService<TimeProvider>();
            var progress = new SyncProgress(Console.Error, !Console.IsErrorRedirected, time);
            if (once)
            {
                await sync.RunOnceAsync(progress, cancellationToken);
                return;
            }

            var interval = services.GetRequiredService<IOptions<IndexOptions>>().Value.Interval;
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("TrayPop.Index");
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await sync.RunOnceAsync(progress, cancellationToken);
                }
                catch (DataverseException ex)
                {
                    // A service keeps going: the next run repeats the unfinished page.
                    Log.IndexSyncFailed(logger, interval, ex.Message);
                }

                await Task.Delay(interval, time, cancellationToken);
            }
        }, cancellationToken);

    public static Task<int> StatusAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, bool json, CancellationToken cancellationToken) =>
        RunAsync(settings, platform, async services =>
        {
            var status = await IndexStatus.ReadAsync(services, cancellationToken);
            Console.WriteLine(json ? JsonSerializer.Serialize(status, IndexStatus.Json) : status.ToText());
        }, cancellationToken);

    private static async Task<int> RunAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, Func<IServiceProvider, Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await using var services = CliServices.Build(TrayPopConfiguration.Build(settings, platform), platform, s => s.AddPhoneKeyIndex());
            _ = services.GetRequiredService<IOptions<IndexOptions>>().Value;
            await action(services);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C or the service manager's stop: the state file says where to resume.
            return 0;
        }
        catch (Exception ex) when (StartupErrors.Explain(ex, Console.Error) is { } code)
        {
            return code;
        }
        catch (DataverseException ex)
        {
            await Console.Error.WriteLineAsync($"The index command failed: {OutsideText.Escape(ex.Message, 1024)}");
            return StartupErrors.Failed;
        }
    }
}

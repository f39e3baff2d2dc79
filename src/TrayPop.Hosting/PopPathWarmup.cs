using TrayPop.Core.Calls;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrayPop.Core.Phones;
using TrayPop.Dataverse.Lookup;

namespace TrayPop.Hosting;

/// <summary>
/// Builds the pop path once the listeners are open: the pipeline with its Dataverse client and resilience
/// handlers, and the default region's numbering plan. Doing it before listening would keep a softphone's
/// first event waiting on a closed port for ≈100 ms; doing it on the first event would put it in that pop.
/// An event that arrives meanwhile simply waits for the same construction.
/// </summary>
internal sealed partial class PopPathWarmup(Lazy<CallPipeline> pipeline, CallerIdParser parser, StrategyLookup lookup, ILogger<PopPathWarmup> logger) : IHostedLifecycleService
{
    private Task _warming = Task.CompletedTask;

    /// <summary>Completes when the pop path is built (tests wait on it instead of sleeping).</summary>
    public Task Warming => _warming;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _warming = Task.Run(WarmAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task WarmAsync()
    {
        try
        {
            _ = pipeline.Value;
            // Any national-looking digits make the parser load the default region's metadata.
            _ = parser.Parse("5550100");
            // Auto asks Dataverse about the phone-key index here, so the first caller does not wait for it.
            await lookup.ResolveAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // Best effort off the start path: whatever failed, the first event builds it again and answers with the reason.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            WarmupFailed(logger, ex.Message);
        }
    }

    /// <summary>Before the listeners open, so the warning is in the log before any call is read with the fallback.</summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (parser.EffectiveRegion is { Source: RegionSource.Fallback } region)
        {
            // A UK site on a C locale would otherwise read every national number as American without a word.
            RegionFallback(logger, region.Region, region.Reason!);
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => _warming;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(401, LogLevel.Warning, "Numbers without a country code are read as {Region}, the fallback: {Reason}. Set TrayPop:Phone:DefaultRegion to the agents' region (e.g. GB)")]
    private static partial void RegionFallback(ILogger logger, string region, string reason);

    [LoggerMessage(400, LogLevel.Warning, "Preparing the pop path after start failed; the first call will try again: {Reason}")]
    private static partial void WarmupFailed(ILogger logger, string reason);
}

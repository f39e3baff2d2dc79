using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Dataverse.Diagnostics;
using TrayPop.Dataverse.Index;

namespace TrayPop.Dataverse.Lookup;

/// <summary>
/// The one <see cref="ICallerLookup"/>: <c>Keys</c> or <c>Pattern</c> as configured, or for <c>Auto</c> the index
/// once Dataverse says it is there and complete (asked once, off the pop path when the warm-up gets there first,
/// and again after a Keys lookup found the table gone).
/// </summary>
internal sealed class StrategyLookup(
    DataverseClient client,
    KeyLookup keys,
    PhoneLookup pattern,
    IOptions<LookupOptions> options,
    ILogger<StrategyLookup> logger) : ICallerLookup, ILookupStrategyState, IDisposable
{
    private readonly LookupStrategy _configured = options.Value.ParsedStrategy;
    private readonly SemaphoreSlim _probing = new(1, 1);
    private volatile StrongBox? _resolved;

    public LookupStrategy Configured => _configured;

    /// <summary>The strategy lookups use, or null while Auto has not asked Dataverse yet.</summary>
    public LookupStrategy? Current => _configured == LookupStrategy.Auto ? _resolved?.Value : _configured;

    public string Index => Current switch
    {
        LookupStrategy.Keys => "keys",
        LookupStrategy.Pattern => "pattern",
        _ => "unknown",
    };

    public async Task<LookupResult> LookupAsync(CallerId callerId, CancellationToken cancellationToken)
    {
        var strategy = await ResolveAsync(cancellationToken);
        // A caller id that is no number (an extension's name) has no key: only the pattern search can find it.
        if (strategy != LookupStrategy.Keys || callerId.Kind == CallerIdKind.Unrecognised)
        {
            return await pattern.LookupAsync(callerId, cancellationToken);
        }

        try
        {
            return await keys.LookupAsync(callerId, cancellationToken);
        }
        catch (DataverseException ex) when (_configured == LookupStrategy.Auto && ex.StatusCode == HttpStatusCode.NotFound)
        {
            // The key table is gone (uninstalled, restored organisation): ask again, and let this caller through the pattern.
            Log.KeyTableGone(logger);
            _resolved = null;
            return await pattern.LookupAsync(callerId, cancellationToken);
        }
    }

    /// <summary>Settles Auto with one seek on the key table; never throws (a failed probe means Pattern for now).</summary>
    public async Task<LookupStrategy> ResolveAsync(CancellationToken cancellationToken)
    {
        if (Current is { } known)
        {
            return known;
        }

        await _probing.WaitAsync(cancellationToken);
        try
        {
            if (_resolved is { } settled)
            {
                return settled.Value;
            }

            var (strategy, reason, final) = await ProbeAsync(cancellationToken);
            Log.StrategyChosen(logger, strategy, reason);
            if (final)
            {
                _resolved = new StrongBox(strategy);
            }

            return strategy;
        }
        finally
        {
            _probing.Release();
        }
    }

    private async Task<(LookupStrategy Strategy, string Reason, bool Final)> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var rows = await client.QueryAsync(PhoneKeyTable.ReadyQuery(), cancellationToken);
            return rows.Count > 0
                ? (LookupStrategy.Keys, "the phone-key index is complete", true)
                : (LookupStrategy.Pattern, "the phone-key table exists but its first sync has not finished", true);
        }
        catch (DataverseException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return (LookupStrategy.Pattern, "there is no phone-key table (traypop index setup creates it)", true);
        }
        catch (DataverseException ex) when (ex.StatusCode == HttpStatusCode.Forbidden)
        {
            return (LookupStrategy.Pattern, "this user may not read the phone-key table (its security role needs read on tp_phonekey)", true);
        }
        catch (DataverseException ex)
        {
            // Dataverse did not answer: use the pattern for now and ask again on the next lookup.
            return (LookupStrategy.Pattern, $"the phone-key table could not be asked about: {ex.Message}", false);
        }
    }

    public void Dispose() => _probing.Dispose();

    /// <summary>A reference-typed holder, so the resolved strategy can be published with one volatile write.</summary>
    private sealed record StrongBox(LookupStrategy Value);
}

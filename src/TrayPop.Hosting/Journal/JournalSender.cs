using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using TrayPop.Core.Journal;
using TrayPop.Dataverse;
using TrayPop.Dataverse.Journal;
using TrayPop.Hosting.Diagnostics;

namespace TrayPop.Hosting.Journal;

/// <summary>
/// Drains the outbox in the background: each call that is due becomes its phonecall (upsert, then close). A failure
/// leaves the call where it is and backs off: as long as <c>Retry-After</c> says on a 429, the break while the circuit
/// is open, else doubling from 2 s to 5 min. A restart starts from whatever the outbox holds.
/// </summary>
internal sealed class JournalSender(
    SqliteOutbox outbox,
    PhonecallWriter writer,
    JournalDecision decision,
    JournalStatus status,
    CircuitBreakerStateProvider circuit,
    IOptions<JournalOptions> options,
    TimeProvider time,
    ILogger<JournalSender> logger) : BackgroundService
{
    private const int BatchSize = 50;
    internal const int Parallelism = 8;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private readonly TimeSpan _maxCallLength = options.Value.MaxCallLength;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _pause = new();
    private DateTimeOffset _pausedUntilValue;

    // Written by calls sent side by side: a DateTimeOffset is two words, so it goes through a lock.
    private DateTimeOffset PausedUntil
    {
        get
        {
            lock (_pause)
            {
                return _pausedUntilValue;
            }
        }

        set
        {
            lock (_pause)
            {
                _pausedUntilValue = value > _pausedUntilValue ? value : _pausedUntilValue;
            }
        }
    }

    /// <summary>
    /// Sends everything due now, a few calls at a time (Dataverse serves a user 52 requests at once; the sender keeps to
    /// <see cref="Parallelism"/>, so lookups for pops and the agent's own browser always find room); returns how many calls
    /// reached the CRM. The background loop calls it; tests too.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var failed = 0;
        // Calls are handed out one by one as senders free up, so one slow call (a retry waiting) never holds up the rest.
        await Parallel.ForEachAsync(DueAsync(() => Volatile.Read(ref failed) != 0), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (row, token) =>
        {
            // The CRM is unhappy: the rest waits for the backoff rather than hitting it call after call.
            if (Volatile.Read(ref failed) != 0)
            {
                return;
            }

            if (await SendAsync(row, token))
            {
                Interlocked.Increment(ref sent);
            }
            else
            {
                Interlocked.Exchange(ref failed, 1);
            }
        });

        return sent;
    }

    /// <summary>Calls due now, oldest first, each once, until none is left, a send failed, or the CRM asked for a pause.</summary>
    private async IAsyncEnumerable<OutboxRow> DueAsync(Func<bool> failed)
    {
        var handedOut = new HashSet<string>(StringComparer.Ordinal);
        while (!failed())
        {
            var now = time.GetUtcNow();
            if (now < PausedUntil || circuit.CircuitState is CircuitState.Open or CircuitState.Isolated)
            {
                yield break;
            }

            // Rows still being sent are due too: ask for enough to find new ones past them.
            var fresh = outbox.Due(now, _maxCallLength, BatchSize + Parallelism).Where(row => handedOut.Add(row.Call.CallKey)).ToList();
            if (fresh.Count == 0)
            {
                yield break;
            }

            foreach (var row in fresh)
            {
                yield return row;
            }

            await Task.Yield();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        outbox.Appended += OnAppended;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!await PassAsync(stoppingToken))
                {
                    continue;
                }

                var next = outbox.NextDue(_maxCallLength);
                if (PausedUntil > time.GetUtcNow() && (next is null || next < PausedUntil))
                {
                    next = PausedUntil;
                }

                var wait = next is { } at ? Clamp(at - time.GetUtcNow()) : Timeout.InfiniteTimeSpan;
                if (next is not null && circuit.CircuitState is CircuitState.Open or CircuitState.Isolated)
                {
                    wait = DataverseClientRegistration.BreakDuration;
                }

                using var delay = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var timer = Task.Delay(wait, time, delay.Token);
                await Task.WhenAny(_wake.WaitAsync(delay.Token), timer);
                await delay.CancelAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever is left stays in the outbox for the next start.
        }
        finally
        {
            outbox.Appended -= OnAppended;
        }
    }

    /// <summary>
    /// One pass over the due calls. Whatever goes wrong locally (the outbox's disk, a sign-in that cannot be made) is
    /// logged and waited out: the journal must never stop the service that pops the agent's calls.
    /// </summary>
    private async Task<bool> PassAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken);
            return true;
        }
#pragma warning disable CA1031 // Every failure is logged and retried; the calls stay in the outbox.
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var wait = MaxBackoff;
            PausedUntil = time.GetUtcNow() + wait;
            status.SetError($"{ex.GetType().Name}: {Core.Diagnostics.OutsideText.Escape(ex.Message, 200)}", time.GetUtcNow());
            Log.JournalSenderFailed(logger, ex.GetType().Name, Core.Diagnostics.OutsideText.Escape(ex.Message, 200), wait);
            await Task.Delay(wait, time, stoppingToken);
            return false;
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private async Task<bool> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var call = row.Call;
        try
        {
            var userId = await writer.UserIdAsync(cancellationToken);
            var verdict = decision.Decide(call, userId, time.GetUtcNow());
            if (verdict.Drop)
            {
                outbox.MarkDropped(call.CallKey);
                return true;
            }

            var activity = verdict.Activity!;
            if (!row.Written)
            {
                await writer.UpsertAsync(activity, cancellationToken);
                outbox.MarkWritten(call.CallKey);
            }

            await writer.CloseAsync(activity, cancellationToken);
            outbox.MarkDone(call.CallKey);
            status.MarkLogged(call.CallId);
            status.SetError(null, time.GetUtcNow());
            Log.CallJournaled(logger, activity.ActivityId, row.Attempts + 1);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is DataverseException or BrokenCircuitException or HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            var wait = Backoff(ex, row.Attempts);
            var next = time.GetUtcNow() + wait;
            if (ex is BrokenCircuitException || ex is DataverseException { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } || ex is DataverseException { StatusCode: null })
            {
                PausedUntil = next;
            }

            outbox.MarkFailed(call.CallKey, Describe(ex), next);
            Log.JournalFailed(logger, ex.GetType().Name, Describe(ex), wait);
            return false;
        }
    }

    internal static TimeSpan Backoff(Exception ex, int attempts) => ex switch
    {
        DataverseException { RetryAfter: { } after } when after > TimeSpan.Zero => after,
        BrokenCircuitException => DataverseClientRegistration.BreakDuration,
        _ => Clamp(FirstBackoff * Math.Pow(2, Math.Min(attempts, 16))),
    };

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxBackoff ? MaxBackoff : wait;

    private static string Describe(Exception ex) => ex switch
    {
        DataverseException { StatusCode: { } code } d => $"{(int)code} {d.ErrorCode}".Trim(),
        DataverseException => "CRM unreachable",
        BrokenCircuitException => "circuit open",
        _ => ex.GetType().Name,
    };

    private void OnAppended(object? sender, EventArgs e)
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }
}

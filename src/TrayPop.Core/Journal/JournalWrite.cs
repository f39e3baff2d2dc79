using TrayPop.Core.Calls;
using TrayPop.Core.Lookup;

namespace TrayPop.Core.Journal;

/// <summary>
/// One event's way into the outbox: its write, started when the event was accepted, and the popped record, added once
/// the decision knows it. <see cref="FinishAsync"/> is what the reply waits for; it never throws.
/// </summary>
internal sealed class JournalWrite(CallJournal journal, string callKey, Task appended, bool regardingKnown, Task<LookupResult>? lookup)
{
    private const string NotWritten = "the event could not be written to the journal outbox: the call may not be logged in the CRM";
    private const string RegardingNotWritten = "the popped record could not be written to the journal outbox: the call will be logged without it";

    public string CallKey { get; } = callKey;

    /// <summary>The record the reply's decision (or the call's finished lookup) found, written to the call when the first write lacked it.</summary>
    public async Task<JournalOutcome> FinishAsync(PopReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = report.Decision?.Result ?? (lookup is { IsCompletedSuccessfully: true } done ? done.Result : null);
        Task? regard = null;
        if (!regardingKnown)
        {
            if (CallJournal.Regarding(result) is { } record)
            {
                regard = journal.Regard(CallKey, record);
            }
            else if (result is null && lookup is { IsCompleted: false } pending)
            {
                // A ring that only resolved: its lookup answers later, and the call (a missed one too) regards what it found.
                journal.RegardWhenFound(CallKey, report.Event, pending);
            }
        }

        // A disk that stalls (or an outbox another process holds locked) must not hold the softphone's reply, and on the
        // line protocol the next event behind it: past ReplyWait the reply says pending, and the write is still watched.
        var written = regard is null ? appended : Task.WhenAll(appended, regard);
        if (!await journal.WithinReplyWaitAsync(written))
        {
            _ = written.ContinueWith(
                late => journal.Failed(report.Event, late.Exception!.InnerException ?? late.Exception, NotWritten),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return JournalOutcome.StillWriting;
        }

#pragma warning disable CA1031 // Whatever the disk says, the agent keeps the pop and the softphone its reply; the failure is reported.
        try
        {
            await appended;
        }
        catch (Exception ex)
        {
            return journal.Failed(report.Event, ex, NotWritten);
        }

        try
        {
            if (regard is not null)
            {
                await regard;
            }
        }
        catch (Exception ex)
        {
            return journal.Failed(report.Event, ex, RegardingNotWritten);
        }
#pragma warning restore CA1031

        journal.Written();
        return JournalOutcome.Saved;
    }
}

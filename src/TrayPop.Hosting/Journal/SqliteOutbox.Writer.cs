using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using TrayPop.Core.Calls;
using TrayPop.Core.Journal;
using TrayPop.Core.Lookup;

namespace TrayPop.Hosting.Journal;

/// <summary>
/// The writer thread: takes every queued write, commits them in one transaction (one WAL sync for all), then completes
/// each caller's task. A batch that fails is retried one write at a time, so one bad write fails only itself.
/// </summary>
internal sealed partial class SqliteOutbox
{
    private const int MaxBatch = 256;
    private readonly BlockingCollection<PendingWrite> _queue = new(new ConcurrentQueue<PendingWrite>());
    private readonly Thread _writer;

    /// <summary>Completes once the event is committed to disk; faults with the reason when it could not be.</summary>
    public Task AppendAsync(JournalEvent journalEvent)
    {
        ArgumentNullException.ThrowIfNull(journalEvent);
        return Enqueue(new PendingWrite(journalEvent, null, null));
    }

    /// <summary>Sets the call's regarding record (and its name for the subject) unless it has one; durable when it completes.</summary>
    public Task RegardAsync(string callKey, CrmRecord regarding)
    {
        ArgumentNullException.ThrowIfNull(callKey);
        ArgumentNullException.ThrowIfNull(regarding);
        return Enqueue(new PendingWrite(null, callKey, regarding));
    }

    private Task Enqueue(PendingWrite write)
    {
        try
        {
            _queue.Add(write);
        }
        catch (InvalidOperationException)
        {
            // Stopping: the writer is gone, and the caller's reply says the event was not written.
            write.Done.TrySetException(new ObjectDisposedException(nameof(SqliteOutbox), "the journal outbox is closed"));
        }

        return write.Done.Task;
    }

    private void WriteLoop()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            // This thread must outlive anything a write or a status listener throws: every later reply waits on it.
            try
            {
                Commit(batch);
            }
#pragma warning disable CA1031 // Handed to each write's task, which the reply reports; the thread goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                batch.ForEach(write => write.Done.TrySetException(ex));
            }

            batch.Clear();
        }
    }

    private void Commit(List<PendingWrite> batch)
    {
        var appended = false;
        lock (_gate)
        {
            try
            {
                using (var transaction = _connection.BeginTransaction())
                {
                    foreach (var write in batch)
                    {
                        appended |= Execute(write, transaction);
                    }

                    transaction.Commit();
                }

                RefreshStatusLocked();
                batch.ForEach(write => write.Done.TrySetResult());
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException or IOException)
            {
                // One by one: each write succeeds or fails on its own.
                appended = false;
                foreach (var write in batch)
                {
                    try
                    {
                        using var transaction = _connection.BeginTransaction();
                        appended |= Execute(write, transaction);
                        transaction.Commit();
                        write.Done.TrySetResult();
                    }
                    catch (Exception single) when (single is SqliteException or InvalidOperationException or IOException)
                    {
                        write.Done.TrySetException(single);
                    }
                }

                TryRefreshStatusLocked();
            }
        }

        if (appended)
        {
            Appended?.Invoke(this, EventArgs.Empty);
        }
    }

    private bool Execute(PendingWrite write, SqliteTransaction transaction)
    {
        if (write.Event is { } journalEvent)
        {
            var at = journalEvent.At.ToUnixTimeMilliseconds();
            var p = _append.Parameters;
            p["$key"].Value = journalEvent.CallKey;
            p["$callId"].Value = (object?)journalEvent.CallId ?? DBNull.Value;
            p["$number"].Value = journalEvent.Number;
            p["$type"].Value = (int)journalEvent.Type;
            p["$name"].Value = (object?)journalEvent.Name ?? DBNull.Value;
            p["$entity"].Value = (object?)journalEvent.Regarding?.Entity ?? DBNull.Value;
            p["$id"].Value = (object?)journalEvent.Regarding?.Id.ToString("D") ?? DBNull.Value;
            p["$regardingName"].Value = (object?)journalEvent.Regarding?.Name ?? DBNull.Value;
            p["$at"].Value = at;
            p["$ring"].Value = journalEvent.Phase == CallPhase.Ring ? at : DBNull.Value;
            p["$answer"].Value = journalEvent.Phase == CallPhase.Answer ? at : DBNull.Value;
            p["$end"].Value = journalEvent.Phase == CallPhase.End ? at : DBNull.Value;
            _append.Transaction = transaction;
            _append.ExecuteNonQuery();
            return true;
        }

        var r = _regard.Parameters;
        r["$key"].Value = write.CallKey;
        r["$entity"].Value = write.Regarding!.Entity;
        r["$id"].Value = write.Regarding.Id.ToString("D");
        r["$regardingName"].Value = write.Regarding.Name;
        _regard.Transaction = transaction;
        _regard.ExecuteNonQuery();
        return false;
    }

    private void TryRefreshStatusLocked()
    {
        try
        {
            RefreshStatusLocked();
        }
        catch (SqliteException)
        {
            // The disk that refused the writes may refuse this read too; the status catches up with the next commit.
        }
    }

    private void StopWriter()
    {
        // Whatever was queued is written before the connection closes.
        _queue.CompleteAdding();
        if (_writer.IsAlive && Thread.CurrentThread != _writer)
        {
            _writer.Join();
        }

        _queue.Dispose();
    }

    private sealed record PendingWrite(JournalEvent? Event, string? CallKey, CrmRecord? Regarding)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

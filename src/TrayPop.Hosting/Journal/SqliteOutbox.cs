using System.Globalization;
using Microsoft.Data.Sqlite;
using TrayPop.Core.Calls;
using TrayPop.Core.Journal;
using TrayPop.Core.Lookup;

namespace TrayPop.Hosting.Journal;

/// <summary>
/// The per-user outbox: one SQLite file (WAL, <c>synchronous=FULL</c>, so a committed event survives a kill or a power
/// cut), one row per call. Every ring, answer and end is merged into its call's row in one statement; the first time of
/// each phase wins, so the same event from two channels or a replay changes nothing. Sent calls stay as tombstones for a
/// day, so a late copy of an event cannot start the call again. Events are written by one writer thread, never the
/// caller's: the pop goes on while the disk syncs, and events that arrive together share one commit.
/// </summary>
internal sealed partial class SqliteOutbox : IJournalOutbox, IDisposable
{
    private const int Open = 0;
    private const int Done = 1;
    private const int Dropped = 2;
    private static readonly TimeSpan KeepTombstones = TimeSpan.FromDays(1);

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _append;
    private readonly SqliteCommand _regard;
    private readonly JournalStatus _status;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public SqliteOutbox(string path, JournalStatus status, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(path);
        (_status, _time) = (status, time);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=FULL;
            PRAGMA busy_timeout=5000;
            CREATE TABLE IF NOT EXISTS calls(
                key TEXT PRIMARY KEY, call_id TEXT, number TEXT NOT NULL, type INTEGER NOT NULL, name TEXT,
                regarding_entity TEXT, regarding_id TEXT, regarding_name TEXT,
                first_seen INTEGER NOT NULL, ring_at INTEGER, answered_at INTEGER, ended_at INTEGER,
                state INTEGER NOT NULL DEFAULT 0, written INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt INTEGER NOT NULL DEFAULT 0, last_error TEXT, finished_at INTEGER);
            CREATE INDEX IF NOT EXISTS calls_open ON calls(state, first_seen);
            """);
        Execute($"DELETE FROM calls WHERE state <> {Open} AND finished_at < {(time.GetUtcNow() - KeepTombstones).ToUnixTimeMilliseconds()}");
        _append = _connection.CreateCommand();
        _append.CommandText = """
            INSERT INTO calls(key, call_id, number, type, name, regarding_entity, regarding_id, regarding_name, first_seen, ring_at, answered_at, ended_at)
            VALUES($key, $callId, $number, $type, $name, $entity, $id, $regardingName, $at, $ring, $answer, $end)
            ON CONFLICT(key) DO UPDATE SET
                name = COALESCE(name, excluded.name),
                regarding_entity = COALESCE(regarding_entity, excluded.regarding_entity),
                regarding_id = COALESCE(regarding_id, excluded.regarding_id),
                regarding_name = COALESCE(regarding_name, excluded.regarding_name),
                ring_at = COALESCE(ring_at, excluded.ring_at),
                answered_at = COALESCE(answered_at, excluded.answered_at),
                ended_at = COALESCE(ended_at, excluded.ended_at)
            WHERE state = 0 AND number = excluded.number
            """;
        foreach (var name in new[] { "$key", "$callId", "$number", "$type", "$name", "$entity", "$id", "$regardingName", "$at", "$ring", "$answer", "$end" })
        {
            _append.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        _append.Prepare();
        _regard = _connection.CreateCommand();
        _regard.CommandText = """
            UPDATE calls SET regarding_entity = $entity, regarding_id = $id, regarding_name = $regardingName, name = $regardingName
            WHERE key = $key AND state = 0 AND regarding_id IS NULL
            """;
        foreach (var name in new[] { "$key", "$entity", "$id", "$regardingName" })
        {
            _regard.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        _regard.Prepare();
        RefreshStatus();
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "TrayPop journal writer" };
        _writer.Start();
    }

    /// <summary>Raised after each commit of appended events, so the sender looks at the outbox again.</summary>
    public event EventHandler? Appended;

    public IReadOnlyList<JournaledCall> OpenCallsWithoutId() =>
        Query($"SELECT {Columns} FROM calls WHERE state = {Open} AND call_id IS NULL AND ended_at IS NULL", _ => { }).Select(r => r.Call).ToList();

    /// <summary>Open calls whose end has come or whose deadline has passed, and whose next attempt is due; oldest first.</summary>
    public IReadOnlyList<OutboxRow> Due(DateTimeOffset now, TimeSpan maxCallLength, int limit) =>
        Query($"""
            SELECT {Columns} FROM calls
            WHERE state = {Open} AND next_attempt <= $now AND (ended_at IS NOT NULL OR COALESCE(answered_at, first_seen) <= $deadline)
            ORDER BY first_seen LIMIT {limit}
            """, command =>
        {
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$deadline", (now - maxCallLength).ToUnixTimeMilliseconds());
        });

    /// <summary>When the outbox next has something to do: a retry coming due or a call reaching its deadline; null when empty.</summary>
    public DateTimeOffset? NextDue(TimeSpan maxCallLength)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"""
                SELECT MIN(CASE WHEN ended_at IS NOT NULL THEN next_attempt ELSE MAX(next_attempt, COALESCE(answered_at, first_seen) + $max) END)
                FROM calls WHERE state = {Open}
                """;
            command.Parameters.AddWithValue("$max", (long)maxCallLength.TotalMilliseconds);
            return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }
    }

    public void MarkWritten(string key) => Update("written = 1", key);

    public void MarkDone(string key) => Update($"state = {Done}, last_error = NULL, finished_at = {_time.GetUtcNow().ToUnixTimeMilliseconds()}", key);

    public void MarkDropped(string key) => Update($"state = {Dropped}, finished_at = {_time.GetUtcNow().ToUnixTimeMilliseconds()}", key);

    public void MarkFailed(string key, string error, DateTimeOffset nextAttempt)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE calls SET attempts = attempts + 1, last_error = $error, next_attempt = $next WHERE key = $key";
            command.Parameters.AddWithValue("$error", error);
            command.Parameters.AddWithValue("$next", nextAttempt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$key", key);
            command.ExecuteNonQuery();
        }

        _status.SetError(error, _time.GetUtcNow());
    }

    /// <summary>Waiting calls, the oldest one's first event, and the last error recorded against a waiting call.</summary>
    public (int Waiting, DateTimeOffset? Oldest, string? LastError) Summary()
    {
        lock (_gate)
        {
            return SummaryLocked();
        }
    }

    public void Dispose()
    {
        StopWriter();
        _append.Dispose();
        _regard.Dispose();
        _connection.Dispose();
    }

    private const string Columns =
        "key, call_id, number, type, name, regarding_entity, regarding_id, regarding_name, first_seen, ring_at, answered_at, ended_at, written, attempts";

    private (int Waiting, DateTimeOffset? Oldest, string? LastError) SummaryLocked()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"""
            SELECT COUNT(*), MIN(first_seen), (SELECT last_error FROM calls WHERE state = {Open} AND last_error IS NOT NULL ORDER BY next_attempt DESC LIMIT 1)
            FROM calls WHERE state = {Open}
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    private void RefreshStatus()
    {
        lock (_gate)
        {
            RefreshStatusLocked();
        }
    }

    private void RefreshStatusLocked()
    {
        // Counting on every append keeps the tray exact; the open rows are few (a call lives minutes), and the index serves it.
        var (waiting, oldest, _) = SummaryLocked();
        _status.SetWaiting(waiting, oldest);
    }

    private void Update(string set, string key)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"UPDATE calls SET {set} WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            command.ExecuteNonQuery();
            RefreshStatusLocked();
        }
    }

    private List<OutboxRow> Query(string sql, Action<SqliteCommand> bind)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            bind(command);
            using var reader = command.ExecuteReader();
            var rows = new List<OutboxRow>();
            while (reader.Read())
            {
                rows.Add(Read(reader));
            }

            return rows;
        }
    }

    private static OutboxRow Read(SqliteDataReader r)
    {
        DateTimeOffset? At(int i) => r.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(i));
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var regarding = Text(5) is { } entity && Guid.TryParse(Text(6), out var id) ? new CrmRecord(entity, id, Text(7) ?? string.Empty) : null;
        var call = new JournaledCall(
            r.GetString(0), Text(1), r.GetString(2), (CallType)r.GetInt32(3), Text(4), regarding,
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)), At(9), At(10), At(11));
        return new OutboxRow(call, r.GetInt64(12) != 0, r.GetInt32(13));
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

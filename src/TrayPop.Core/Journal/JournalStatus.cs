namespace TrayPop.Core.Journal;

/// <summary>How the journal stands, for <c>/health</c>, <c>check</c> and the tray; updated by the outbox and its sender.</summary>
internal sealed class JournalStatus
{
    private const int MaxLogged = 200;
    private readonly Lock _gate = new();
    private readonly Queue<string> _loggedOrder = new();
    private readonly HashSet<string> _logged = new(StringComparer.Ordinal);
    private string? _sendError;
    private string? _outboxError;
    private DateTimeOffset? _outboxErrorAt;

    public bool Enabled { get; set; }

    /// <summary>Calls waiting to be logged (answered or ringing, not yet in the CRM).</summary>
    public int Waiting { get; private set; }

    public DateTimeOffset? Oldest { get; private set; }

    /// <summary>The latest failure, of the sender (cleared once a call reaches the CRM) or of the outbox (cleared by the next write).</summary>
    public string? LastError
    {
        get
        {
            lock (_gate)
            {
                return (_sendError, _outboxError) switch
                {
                    (null, var outbox) => outbox,
                    (var send, null) => send,
                    var (send, outbox) => _outboxErrorAt >= LastErrorAt ? outbox : send,
                };
            }
        }
    }

    public DateTimeOffset? LastErrorAt { get; private set; }

    /// <summary>Events since start that could not be written to the outbox (each also answered and logged as such).</summary>
    public long NotJournaled { get; private set; }

    public long Logged { get; private set; }

    public event EventHandler? Changed;

    public void SetWaiting(int waiting, DateTimeOffset? oldest)
    {
        lock (_gate)
        {
            (Waiting, Oldest) = (waiting, oldest);
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    public void SetError(string? error, DateTimeOffset at)
    {
        lock (_gate)
        {
            (_sendError, LastErrorAt) = (error, error is null ? LastErrorAt : at);
        }
    }

    /// <summary>An event (or the record it popped) could not be written to the outbox.</summary>
    public void SetOutboxError(string error, DateTimeOffset at)
    {
        lock (_gate)
        {
            (_outboxError, _outboxErrorAt) = (error, at);
            NotJournaled++;
        }
    }

    /// <summary>An event reached the outbox: the outbox is writable again.</summary>
    public void SetOutboxWritten()
    {
        if (Volatile.Read(ref _outboxError) is null)
        {
            return;
        }

        lock (_gate)
        {
            _outboxError = null;
        }
    }

    /// <summary>A call is in the CRM now; the tray marks it in Recent calls by its call id.</summary>
    public void MarkLogged(string? callId)
    {
        lock (_gate)
        {
            Logged++;
            if (callId is { Length: > 0 } && _logged.Add(callId))
            {
                _loggedOrder.Enqueue(callId);
                if (_loggedOrder.Count > MaxLogged)
                {
                    _logged.Remove(_loggedOrder.Dequeue());
                }
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    public bool IsLogged(string? callId)
    {
        lock (_gate)
        {
            return callId is { Length: > 0 } && _logged.Contains(callId);
        }
    }

    /// <summary>The tray's line while any call waits: "3 calls waiting to be logged".</summary>
    public string? WaitingText() => Waiting switch
    {
        0 => null,
        1 => "1 call waiting to be logged",
        var n => $"{n} calls waiting to be logged",
    };
}

namespace TrayPop.Dataverse.Index;

/// <summary>
/// Which key digits the index holds for each record of one table, kept on the indexer's disk so that a changed
/// or deleted record's old keys can be deleted without a query (<c>tp_recordid eq …</c> would scan the key table).
/// An append-only journal, one line per record change (<c>{id}\t{digits},{digits}</c>, the last line wins), flushed
/// before the sync moves on, so a kill loses nothing the index holds.
/// </summary>
internal sealed class KeyMap : IDisposable
{
    private readonly Dictionary<Guid, string[]> _keys = [];
    private readonly StreamWriter _journal;

    private KeyMap(string path)
    {
        Path = path;
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab > 0 && Guid.TryParse(line.AsSpan(0, tab), out var id))
                {
                    Set(id, line[(tab + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries));
                }
            }
        }

        _journal = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
    }

    public string Path { get; }

    public int Count => _keys.Count;

    public IEnumerable<Guid> Records => _keys.Keys;

    public static KeyMap Open(string path) => new(path);

    public string[]? Find(Guid id) => _keys.GetValueOrDefault(id);

    /// <summary>Records what the index now holds for these records; durable when this returns.</summary>
    public void Record(IEnumerable<(Guid Id, string[] Digits)> changes)
    {
        foreach (var (id, digits) in changes)
        {
            Set(id, digits);
            _journal.Write(id.ToString("D"));
            _journal.Write('\t');
            _journal.WriteLine(string.Join(',', digits));
        }

        _journal.Flush();
        ((FileStream)_journal.BaseStream).Flush(flushToDisk: true);
    }

    public void Dispose() => _journal.Dispose();

    private void Set(Guid id, string[] digits)
    {
        if (digits.Length == 0)
        {
            _keys.Remove(id);
        }
        else
        {
            _keys[id] = digits;
        }
    }
}

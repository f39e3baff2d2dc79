namespace DataverseEmulator.Stats;

/// <summary>The counters behind <see cref="EmulatorStats"/>; thread-safe.</summary>
internal sealed class QueryStats
{
    private long _requests;
    private long _rowsScanned;
    private long _rowsSeeked;

    public void AddRequest() => Interlocked.Increment(ref _requests);

    public void AddScanned(long rows) => Interlocked.Add(ref _rowsScanned, rows);

    public void AddSeeked(long rows) => Interlocked.Add(ref _rowsSeeked, rows);

    public EmulatorStats Snapshot() => new(Interlocked.Read(ref _requests), Interlocked.Read(ref _rowsScanned), Interlocked.Read(ref _rowsSeeked));

    public void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _rowsScanned, 0);
        Interlocked.Exchange(ref _rowsSeeked, 0);
    }
}

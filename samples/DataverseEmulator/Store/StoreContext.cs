using DataverseEmulator.Stats;

namespace DataverseEmulator.Store;

/// <summary>What every table of one organisation shares: the row version counter, the clock, the cost counters and the limits.</summary>
internal sealed class StoreContext(TimeProvider timeProvider, int scanLimit, TimeSpan keyIndexDelay)
{
    private long _version = 1_000_001;

    public StoreContext()
        : this(TimeProvider.System, EmulatorSettings.DefaultScanLimit, TimeSpan.Zero)
    {
    }

    public TimeProvider TimeProvider { get; } = timeProvider;

    public QueryStats Stats { get; } = new();

    /// <summary>Tables with more rows than this refuse leading-wildcard scans, as Dataverse times them out.</summary>
    public int ScanLimit { get; } = scanLimit;

    /// <summary>How long a new alternate key stays Pending, and then InProgress, before its index is Active.</summary>
    public TimeSpan KeyIndexDelay { get; } = keyIndexDelay;

    public long NextVersion() => Interlocked.Increment(ref _version);

    /// <summary>The newest row version handed out; every later change has a higher one.</summary>
    public long CurrentVersion => Interlocked.Read(ref _version);
}

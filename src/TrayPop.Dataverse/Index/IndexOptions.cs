namespace TrayPop.Dataverse.Index;

/// <summary>Settings under <c>TrayPop:Index</c>, read by <c>traypop index</c> only.</summary>
public sealed class IndexOptions
{
    public const string Section = "TrayPop:Index";

    /// <summary>Regions whose national format a stored number is read in; each reading is its own key. Empty means <c>TrayPop:Phone:DefaultRegion</c>.</summary>
    public List<string> Regions { get; set; } = [];

    /// <summary>How long <c>index sync</c> waits between runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Where the delta links and the record → keys map are kept; empty means the per-user application data folder.</summary>
    public string? StateDirectory { get; set; }

    /// <summary>Rows per change-tracking page (<c>odata.maxpagesize</c>, at most 5000).</summary>
    public int PageSize { get; set; } = 5000;

    /// <summary>Writes per <c>$batch</c> (Dataverse allows 1000).</summary>
    public int BatchSize { get; set; } = 500;

    internal string EffectiveStateDirectory => string.IsNullOrWhiteSpace(StateDirectory)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "TrayPop", "index")
        : StateDirectory;
}

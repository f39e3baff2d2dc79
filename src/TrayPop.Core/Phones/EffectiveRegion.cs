namespace TrayPop.Core.Phones;

/// <summary>The region that reads numbers written without a country code, where it came from, and why when it is the fallback.</summary>
/// <param name="Reason">Why the setting and the OS gave no region (fallback only), e.g. "the OS region is invariant (C/POSIX locale)".</param>
internal sealed record EffectiveRegion(string Region, RegionSource Source, string? Reason = null)
{
    /// <summary>One line for <c>check</c> and the log: <c>GB (from TrayPop:Phone:DefaultRegion)</c>.</summary>
    public string Describe() => Source switch
    {
        RegionSource.Setting => $"{Region} (from {PhoneOptions.Section}:DefaultRegion)",
        RegionSource.OperatingSystem => $"{Region} (from the OS region; {PhoneOptions.Section}:DefaultRegion is not set)",
        _ => $"{Region} (the fallback: {Reason}; set {PhoneOptions.Section}:DefaultRegion to the agents' region)",
    };
}

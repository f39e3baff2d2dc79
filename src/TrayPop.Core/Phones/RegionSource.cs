namespace TrayPop.Core.Phones;

/// <summary>Where the region that reads national numbers came from.</summary>
internal enum RegionSource
{
    /// <summary><c>TrayPop:Phone:DefaultRegion</c>.</summary>
    Setting,

    /// <summary>The operating system's region (the user's culture).</summary>
    OperatingSystem,

    /// <summary>Neither gave a region with a numbering plan: <c>US</c>.</summary>
    Fallback,
}

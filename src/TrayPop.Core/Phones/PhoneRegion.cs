using System.Globalization;
using PhoneNumbers;

namespace TrayPop.Core.Phones;

/// <summary>Decides which region reads numbers written without a country code.</summary>
internal static class PhoneRegion
{
    private const string Fallback = "US";

    /// <summary>The configured region if libphonenumber knows it, else the OS region, else <c>US</c>.</summary>
    public static string Resolve(string? configured) => Explain(configured).Region;

    /// <summary>
    /// As <see cref="Resolve"/>, with where the region came from and, for the fallback, why. <paramref name="culture"/>
    /// stands in for the OS region in tests; by default it is <see cref="RegionInfo.CurrentRegion"/>.
    /// </summary>
    public static EffectiveRegion Explain(string? configured, CultureInfo? culture = null)
    {
        var region = configured?.Trim().ToUpperInvariant();
        if (IsSupported(region))
        {
            return new EffectiveRegion(region!, RegionSource.Setting);
        }

        var (os, why) = OsRegion(culture);
        if (IsSupported(os))
        {
            return new EffectiveRegion(os!, RegionSource.OperatingSystem);
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            why = $"{PhoneOptions.Section}:DefaultRegion '{configured.Trim()}' is no region with a numbering plan, and {why}";
        }

        return new EffectiveRegion(Fallback, RegionSource.Fallback, why);
    }

    /// <summary>True for a two-letter region that has a numbering plan in libphonenumber's metadata.</summary>
    public static bool IsSupported(string? region) =>
        region is { Length: 2 } && PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(region);

    private static (string? Region, string Why) OsRegion(CultureInfo? culture)
    {
        string name;
        try
        {
            if (culture is not null && culture.Name.Length == 0)
            {
                return (null, Invariant);
            }

            name = (culture is null ? RegionInfo.CurrentRegion : new RegionInfo(culture.Name)).TwoLetterISORegionName.ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            // A culture without a region (some container images) must not stop the app.
            return (null, $"the OS culture '{(culture ?? CultureInfo.CurrentCulture).Name}' names no region");
        }

        // Invariant culture reports "IV", which is no numbering plan.
        return name == "IV" ? (null, Invariant) : (name, $"the OS region '{name}' has no numbering plan");
    }

    private const string Invariant = "the OS region is invariant (C/POSIX locale, or DOTNET_SYSTEM_GLOBALIZATION_INVARIANT)";
}

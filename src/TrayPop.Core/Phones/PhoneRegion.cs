using System.Globalization;
using PhoneNumbers;

namespace TrayPop.Core.Phones;

/// <summary>Decides which region reads numbers written without a country code.</summary>
internal static class PhoneRegion
{
    private const string Fallback = "US";

    /// <summary>The configured region if libphonenumber knows it, else the OS region, else <c>US</c>.</summary>
    public static string Resolve(string? configured)
    {
        var region = configured?.Trim().ToUpperInvariant();
        if (IsSupported(region))
        {
            return region!;
        }

        // Invariant culture reports "IV", which is no numbering plan.
        var os = CurrentOsRegion();
        return IsSupported(os) ? os! : Fallback;
    }

    /// <summary>True for a two-letter region that has a numbering plan in libphonenumber's metadata.</summary>
    public static bool IsSupported(string? region) =>
        region is { Length: 2 } && PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(region);

    private static string? CurrentOsRegion()
    {
        try
        {
            return RegionInfo.CurrentRegion.TwoLetterISORegionName.ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            // A culture without a region (some container images) must not stop the app.
            return null;
        }
    }
}

using System.Globalization;

namespace DataverseEmulator.WebApi;

/// <summary>A change-tracking token in Dataverse's shape, <c>{version}!{MM/dd/yyyy HH:mm:ss}</c> (the time it was issued, UTC).</summary>
internal readonly record struct DeltaToken(long Version, DateTimeOffset IssuedOn)
{
    private const string DateFormat = "MM/dd/yyyy HH:mm:ss";

    public static bool TryParse(string text, out DeltaToken token)
    {
        token = default;
        var bang = text.IndexOf('!', StringComparison.Ordinal);
        if (bang <= 0 ||
            !long.TryParse(text.AsSpan(0, bang), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ||
            !DateTimeOffset.TryParseExact(text[(bang + 1)..], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var issued))
        {
            return false;
        }

        token = new DeltaToken(version, issued);
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Version}!{IssuedOn.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture)}");
}

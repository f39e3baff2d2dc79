namespace TrayPop.Core.Phones;

/// <summary>Settings under <c>TrayPop:Phone</c>.</summary>
internal sealed class PhoneOptions
{
    public const string Section = "TrayPop:Phone";

    /// <summary>ISO 3166 region for numbers without a country code (e.g. <c>US</c>, <c>GB</c>); empty means the OS region.</summary>
    public string? DefaultRegion { get; set; }

    /// <summary>Digits a PBX puts before external numbers (e.g. <c>9</c>); empty by default.</summary>
    public string OutsideLinePrefix { get; set; } = "";
}

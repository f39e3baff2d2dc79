namespace DataverseEmulator.Seeding.Generation;

/// <summary>
/// Where a generated number is stored: its E.164 digits and country, which set, row and column, whether that
/// record is active, and the template it was written with. Kept small: there is one per number of a million records.
/// </summary>
internal readonly record struct PhoneUse(ulong Digits, PhonePlan Plan, int Set, int Row, string Column, bool Active, string Template)
{
    public PhoneUse(int set, int row, string column, bool active, GeneratedPhone phone)
        : this(phone.Digits, phone.Plan, set, row, column, active, phone.Template)
    {
    }

    /// <summary>The number in E.164 with its '+'.</summary>
    public string E164 => "+" + Digits.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The national significant number: the digits after the country code.</summary>
    public string NationalNumber => Digits.ToString(System.Globalization.CultureInfo.InvariantCulture)[Plan.CountryCode.Length..];
}

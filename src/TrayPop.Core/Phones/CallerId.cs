namespace TrayPop.Core.Phones;

/// <summary>A caller id understood: its kind, and for a number its E.164 form and national significant number.</summary>
/// <param name="Kind">Number, withheld or unrecognised.</param>
/// <param name="E164">For a number: <c>+14255550101</c>; otherwise null.</param>
/// <param name="NationalNumber">For a number: the national significant number's digits (<c>4255550101</c>); otherwise null.</param>
/// <param name="Text">For a number: the international format (<c>+1 425-555-0101</c>); for unrecognised: the cleaned text; for withheld: empty.</param>
internal sealed record CallerId(CallerIdKind Kind, string? E164, string? NationalNumber, string Text)
{
    public static CallerId Withheld { get; } = new(CallerIdKind.Withheld, null, null, "");
}

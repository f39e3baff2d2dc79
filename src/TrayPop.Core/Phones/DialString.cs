namespace TrayPop.Core.Phones;

/// <summary>A number reduced to what is dialled: an optional leading plus and ASCII digits.</summary>
/// <param name="HasPlus">True when the text gave the country code explicitly with <c>+</c>.</param>
/// <param name="Digits">ASCII digits only, never empty.</param>
internal readonly record struct DialString(bool HasPlus, string Digits);

namespace TrayPop.Core.Phones;

/// <summary>What a caller id turned out to be.</summary>
internal enum CallerIdKind
{
    /// <summary>A dialable number, known in E.164.</summary>
    Number,

    /// <summary>The caller withheld the number (empty, anonymous, restricted, private, unavailable, unknown).</summary>
    Withheld,

    /// <summary>Text that is not a phone number; searched only as literal text.</summary>
    Unrecognised,
}

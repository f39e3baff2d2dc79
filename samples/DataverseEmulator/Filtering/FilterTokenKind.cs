namespace DataverseEmulator.Filtering;

internal enum FilterTokenKind
{
    End,
    Identifier,
    Alias,
    String,
    JsonString,
    Number,
    Guid,
    DateTime,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Equals,
}

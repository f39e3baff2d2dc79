namespace DataverseEmulator.Filtering;

/// <summary>One lexical unit of a $filter; <see cref="Text"/> is the decoded value for literals.</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) =>
        Kind == FilterTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.Ordinal);
}

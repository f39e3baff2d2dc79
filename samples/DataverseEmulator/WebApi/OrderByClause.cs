namespace DataverseEmulator.WebApi;

internal readonly record struct OrderByClause(string Column, bool Descending);
